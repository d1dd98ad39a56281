/** What a reader reads when a form was sent too often (issue 15's rate limits): bokmål, in one place. */
export const rateLimitText = {
  title: 'For mange forsøk på kort tid',
  body: 'Skjemaet er sendt mange ganger fra samme sted nylig. Vent litt og prøv igjen.',
  retryIn: (seconds: number) => `Du kan prøve igjen om ${seconds < 120 ? `${seconds} sekunder` : `${Math.ceil(seconds / 60)} minutter`}.`,
} as const
