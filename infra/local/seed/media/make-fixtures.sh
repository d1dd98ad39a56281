#!/usr/bin/env bash
# Makes the demo audio and video the local seed uploads, once: a short Norwegian podcast clip and a
# seven-second test-pattern film, both spoken by espeak-ng, plus fixtures.json with their real durations and
# the cue timings the seed turns into WebVTT transcripts and captions (so the text matches the sound).
#
# Run it only when the spoken lines below change, and commit episode.mp3, film.mp4 and fixtures.json:
# the seed itself reads those files and needs neither ffmpeg nor espeak-ng. A changed file must not be served
# at an old URL (podcast players cache by URL), so the seed's media keys are versioned by FIXTURE_VERSION.
#
# Needs: ffmpeg, ffprobe, espeak-ng, awk (apt-get install -y ffmpeg espeak-ng).
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")"

FIXTURE_VERSION=1
RATE=22050
GAP=0.35
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }
duration() { ffprobe -v error -show_entries format=duration -of default=noprint_wrappers=1:nokey=1 "$1"; }
# to_wav INPUT-OPTIONS... OUT: any input, resampled to mono 16-bit PCM at one rate so the pieces concatenate.
to_wav() { ff "${@:1:$#-1}" -ar "$RATE" -ac 1 -c:a pcm_s16le "${!#}"; }

# One piece of sound per script line: `speech|voice|speaker|text`, `music|||[description]` or `tone|||[description]`.
render_piece() {
  local kind=$1 voice=$2 text=$3 out=$4
  case $kind in
    speech)
      espeak-ng -v "$voice" -s 160 -w "$work/raw.wav" "$text"
      to_wav -i "$work/raw.wav" "$out" ;;
    music)
      # A soft rising major chord, faded in and out: the demo podcast's jingle.
      to_wav -f lavfi -i "sine=f=523.25:d=2.2" -f lavfi -i "sine=f=659.25:d=2.2" -f lavfi -i "sine=f=783.99:d=2.2" \
        -filter_complex "[1]adelay=250[b];[2]adelay=500[c];[0][b][c]amix=inputs=3:duration=first,volume=0.5,afade=t=in:d=0.2,afade=t=out:st=1.5:d=0.7" "$out" ;;
    tone)
      to_wav -f lavfi -i "sine=f=880:d=0.6" -af "volume=0.4,afade=t=out:st=0.4:d=0.2" "$out" ;;
  esac
}

# Renders a script to one WAV and prints its cues as a JSON array (times in seconds).
render_track() {
  local script=$1 out=$2 at=0 n=0 cues='' kind voice speaker text length
  ff -f lavfi -i "anullsrc=r=$RATE:cl=mono" -t "$GAP" -c:a pcm_s16le "$work/gap.wav"
  : > "$work/list.txt"
  while IFS='|' read -r kind voice speaker text; do
    [[ -z $kind ]] && continue
    if [[ $text == *'"'* || $text == *'\'* ]]; then echo "No quotes or backslashes in cue text: $text" >&2; exit 1; fi
    n=$((n + 1))
    render_piece "$kind" "$voice" "$text" "$work/piece$n.wav"
    length=$(duration "$work/piece$n.wav")
    printf "file '%s'\nfile '%s'\n" "$work/piece$n.wav" "$work/gap.wav" >> "$work/list.txt"
    cues+=$(awk -v s="$at" -v l="$length" -v v="$speaker" -v t="$text" \
      'BEGIN { printf "%s{ \"start\": %.3f, \"end\": %.3f, \"voice\": %s, \"text\": \"%s\" }", "", s, s + l, (v == "" ? "null" : "\"" v "\""), t }')
    cues+=','
    at=$(awk -v a="$at" -v l="$length" -v g="$GAP" 'BEGIN { printf "%.6f", a + l + g }')
  done <<< "$script"
  ff -f concat -safe 0 -i "$work/list.txt" -c copy "$out"
  printf '[%s]' "${cues%,}"
}

episode_script='music|||[musikk]
speech|nb+m3|Programleder|Velkommen til podkasten fra Kompetansebroen.
speech|nb+m3|Programleder|Her deler fagfolk fra sykehus, kommuner og skoler det de har lært.
speech|nb+f2|Sykepleier|Takk for at jeg fikk komme.
speech|nb+f2|Sykepleier|I dag forteller jeg hvordan vi planlegger utskrivning sammen med kommunen.
speech|nb+m3|Programleder|Dette er et kort lydeksempel laget for å vise fram nettstedet.
music|||[musikk]'

film_script='tone|||[pipetone]
speech|nb+f3|Forteller|Dette er en demofilm fra Kompetansebroen.
speech|nb+f3|Forteller|Bildet viser et fargerikt testmønster.'

bitexact=(-fflags +bitexact -flags:a +bitexact -map_metadata -1)

episode_cues=$(render_track "$episode_script" "$work/episode.wav")
ff -i "$work/episode.wav" "${bitexact[@]}" -c:a libmp3lame -b:a 32k -ac 1 -ar "$RATE" -id3v2_version 0 episode.mp3

film_cues=$(render_track "$film_script" "$work/film.wav")
film_length=$(duration "$work/film.wav")
ff -f lavfi -i "testsrc2=size=320x180:rate=25:duration=$film_length" -i "$work/film.wav" "${bitexact[@]}" -flags:v +bitexact \
  -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p -crf 34 -maxrate 110k -bufsize 220k -g 50 \
  -c:a aac -b:a 24k -ac 1 -shortest -movflags +faststart film.mp4

cat > fixtures.json <<JSON
{
  "version": $FIXTURE_VERSION,
  "episode": { "file": "episode.mp3", "mimeType": "audio/mpeg", "durationSeconds": $(duration episode.mp3), "cues": $episode_cues },
  "film": { "file": "film.mp4", "mimeType": "video/mp4", "width": 320, "height": 180, "durationSeconds": $(duration film.mp4), "cues": $film_cues }
}
JSON
ls -l episode.mp3 film.mp4 fixtures.json
