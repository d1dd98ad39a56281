import { isbot } from 'isbot'

/*
 * Which user agents are bots for download counting. isbot alone takes any agent that does not look like a browser
 * for a bot, and podcast apps rarely do: Overcast, Castro, AntennaPod, Pocket Casts, Podcast Addict, Podkicker and
 * Deezer all match it (measured with isbot 5), which would drop real listeners. So the apps below, named as the Open
 * Podcast Analytics Working Group's user-agent list (github.com/opawg/user-agents-v2) names them, are listeners
 * unless the agent says it is a feed parser or crawler; every other agent isbot calls a bot is one.
 */
const podcastApps = /^(Overcast|Castro|AntennaPod|Pocket ?Casts|PocketCasts|Podcast ?Addict|Podkicker|Deezer|Player ?FM|PodcastRepublic|Podcast ?Guru|Podbean|Podimo|Castbox|Downcast|iCatcher|Podcat|Fountain|Podverse|Breaker|Luminary|Stitcher|Audible|Radio ?Public|NRK ?Radio|Podme)\b/i
const crawlerWords = /feed ?parser|crawler|spider|\bbot\b|fetcher|validator/i

export const isListenerBot = (agent: string) => !agent || (isbot(agent) && !(podcastApps.test(agent) && !crawlerWords.test(agent)))
