// The fake docker, systemctl and sleep put first on PATH in the jail. They keep state in
// $REHEARSE_STATE (images, containers, whether myapp is active, which failures to inject) so a
// script sees realistic exit codes and messages, and log every call, before acting, to fd 9 as
// "<nonce>\x1f<tool>\x1f<arg>…". If the log cannot be written they refuse to act. Node never trusts
// their state files: it replays the logged calls against its own model (replay-calls.ts).
const LOG_PRELUDE = (nonce: string, tool: string) => String.raw`#!/bin/bash
line='${nonce}'$'\x1f''${tool}'
for a in "$@"; do line+=$'\x1f'"${'$'}{a//$'\n'/\\n}"; done
if ! printf '%s\n' "$line" >&9 2>/dev/null; then
  echo "${tool}: harness call log unavailable (fd 9 was closed)" >&2
  exit 97
fi
S=${'$'}{REHEARSE_STATE:?}
# Pure bash helpers: every fork costs ~1 ms and a grading runs ~50 fake calls.
mapfile -t _inj < "$S/inject"
has() { local x; for x in "${'$'}{_inj[@]}"; do [[ $x == "$1" ]] && return 0; done; return 1; }
`;

export function fakeDocker(nonce: string): string {
  return (
    LOG_PRELUDE(nonce, 'docker') +
    String.raw`
image_id() { local s=$1 h=5381 i c; for ((i=0; i<@{#s}; i++)); do printf -v c '%d' "'@{s:i:1}"; h=$(( (h * 33 + c) & 0xffffffffffff )); done; printf -v ID '%012x' "$h"; }
normalize() { case "$1" in *:*) REF=$1 ;; *) REF=$1:latest ;; esac; }
mapfile -t IMAGES < "$S/images"
mapfile -t CONTAINERS < "$S/containers"
present() { local x; normalize "$1"; for x in "@{IMAGES[@]}"; do [[ $x == "$REF" ]] && return 0; done; return 1; }
container() { local x; for x in "@{CONTAINERS[@]}"; do [[ $x == "$1 "* ]] && { CONTAINER=$x; return 0; }; done; return 1; }
save_containers() { if [ @{#CONTAINERS[@]} -gt 0 ]; then printf '%s\n' "@{CONTAINERS[@]}" > "$S/containers"; else : > "$S/containers"; fi; }
fmt() { # fmt FORMAT REF
  local f=$1 ref=$2 repo=@{2%:*} tag=@{2##*:} id; image_id "$2"; id=$ID
  f=@{f//'{{.Repository}}'/$repo}; f=@{f//'{{.Tag}}'/$tag}; f=@{f//'{{.ID}}'/$id}; f=@{f//'{{.Id}}'/sha256:$id}
  f=@{f//'{{json .}}'/"{\"Repository\":\"$repo\",\"Tag\":\"$tag\",\"ID\":\"$id\"}"}
  f=@{f//'{{.Digest}}'/sha256:$id$id}; f=@{f//'{{.Config.Image}}'/$ref}; f=@{f//'{{.Image}}'/$ref}
  printf '%s\n' "$f"
}
cmd=$1; shift || { echo "Usage:  docker [OPTIONS] COMMAND"; exit 0; }
case "$cmd" in image|container)
  sub=$1; shift
  case "$cmd $sub" in
    "image ls"|"image list") cmd=images ;; "image inspect") cmd=image-inspect ;; "image pull") cmd=pull ;;
    "image rm") cmd=rmi ;; "image tag") cmd=tag ;; "image prune"|"container prune") exit 0 ;;
    "container ls"|"container list"|"container ps") cmd=ps ;; "container inspect") cmd=inspect ;;
    *) cmd=$sub ;;
  esac ;;
esac
quiet=0; format=''; all=0; force=0; name=''; pos=()
while [ $# -gt 0 ]; do
  case "$1" in
    -q|--quiet) quiet=1 ;; -a|--all) all=1 ;; -f|--force) if [ "$cmd" = inspect ] || [ "$cmd" = image-inspect ]; then format=$2; shift; else force=1; fi ;;
    --format) format=$2; shift ;; --format=*) format=@{1#--format=} ;;
    --name) name=$2; shift ;; --name=*) name=@{1#--name=} ;;
    --filter) pos+=("filter:$2"); shift ;; --type) shift ;; --type=*|--no-trunc|-d|--detach|--rm|-t|-i|-it|--init|--privileged) ;;
    -p|-e|-v|--publish|--env|--volume|--restart|--network|--env-file|-l|--label|-w|--workdir|--user|-u|--entrypoint|--hostname|--log-driver|--platform|--pull|--memory|--cpus) shift ;;
    --*=*) ;;
    --) shift; pos+=("$@"); break ;;
    *) pos+=("$1"); if [ "$cmd" = run ] || [ "$cmd" = create ]; then shift; pos+=("$@"); break; fi ;;
  esac
  shift
done
case "$cmd" in
  pull)
    normalize "@{pos[0]:-}"; ref=$REF
    [ -n "@{pos[0]:-}" ] || { echo '"docker pull" requires exactly 1 argument.' >&2; exit 1; }
    if has pull_fail; then
      echo "Error response from daemon: manifest for $ref not found: manifest unknown: manifest unknown" >&2; exit 1
    fi
    echo "@{ref##*:}: Pulling from @{ref%:*}"
    image_id "$ref"; echo "Digest: sha256:$ID$ID"
    echo "Status: Downloaded newer image for $ref"
    echo "$ref"
    has pull_noop || echo "$ref" >> "$S/images"
    exit 0 ;;
  images)
    want=@{pos[0]:-}
    [ -z "$want" ] || normalize "$want"
    for ref in "@{IMAGES[@]}"; do
      [ -n "$ref" ] || continue
      if [ -n "$want" ] && [ "$ref" != "$REF" ] && [ "@{ref%:*}" != "$want" ]; then continue; fi
      image_id "$ref"
      if [ -n "$format" ]; then fmt "$format" "$ref"; elif [ $quiet = 1 ]; then echo "$ID"
      else printf '%-40s %-10s %s\n' "@{ref%:*}" "@{ref##*:}" "$ID"; fi
    done
    exit 0 ;;
  image-inspect|inspect)
    status=0
    for ref in "@{pos[@]}"; do
      if present "$ref"; then
        r=$REF; image_id "$r"
        if [ -n "$format" ]; then fmt "$format" "$r"; else printf '[{"Id":"sha256:%s","RepoTags":["%s"]}]\n' "$ID" "$r"; fi
      elif [ "$cmd" = inspect ] && container "$ref"; then
        read -r _ img _ <<< "$CONTAINER"
        if [ -n "$format" ]; then fmt "$format" "$img"; else printf '[{"Name":"/%s","Config":{"Image":"%s"}}]\n' "$ref" "$img"; fi
      else
        if [ "$cmd" = inspect ]; then echo "Error: No such object: $ref" >&2; else echo "Error: No such image: $ref" >&2; fi
        status=1
      fi
    done
    exit $status ;;
  ps)
    for c in "@{CONTAINERS[@]}"; do
      read -r n img st <<< "$c"
      [ -n "$n" ] || continue
      [ "$all" = 1 ] || [ "$st" = running ] || continue
      skip=0
      for p in "@{pos[@]}"; do case "$p" in filter:name=*) [[ "$n" == *"@{p#filter:name=}"* ]] || skip=1 ;; esac; done
      [ $skip = 0 ] || continue
      image_id "$n"
      if [ -n "$format" ]; then f=@{format//'{{.Names}}'/$n}; f=@{f//'{{.Image}}'/$img}; f=@{f//'{{.ID}}'/$ID}; printf '%s\n' "$f"
      elif [ $quiet = 1 ]; then echo "$ID"
      else printf '%s   %s   %s   %s\n' "$ID" "$img" "$st" "$n"; fi
    done
    exit 0 ;;
  stop|kill|start|restart)
    for n in "@{pos[@]}"; do
      container "$n" || { echo "Error response from daemon: No such container: $n" >&2; exit 1; }
      echo "$n"
    done
    exit 0 ;;
  rm)
    for n in "@{pos[@]}"; do
      if container "$n"; then
        kept=(); for c in "@{CONTAINERS[@]}"; do [[ $c == "$n "* ]] || kept+=("$c"); done; CONTAINERS=("@{kept[@]}"); save_containers; echo "$n"
      else echo "Error response from daemon: No such container: $n" >&2; exit 1; fi
    done
    exit 0 ;;
  create|run)
    ref=@{pos[0]:-}
    [ -n "$ref" ] || { echo "\"docker $cmd\" requires at least 1 argument." >&2; exit 1; }
    if ! present "$ref"; then
      echo "Unable to find image '$REF' locally" >&2
      echo "docker: Error response from daemon: pull access denied for @{ref%:*}, repository does not exist or may require 'docker login'." >&2
      exit 125
    fi
    n=@{name:-container_$$}
    if container "$n"; then
      echo "docker: Error response from daemon: Conflict. The container name \"/$n\" is already in use. You have to remove (or rename) that container to be able to reuse that name." >&2
      exit 125
    fi
    normalize "$ref"; st=created; [ "$cmd" = run ] && st=running
    echo "$n $REF $st" >> "$S/containers"
    image_id "$n$ref"; echo "$ID"; exit 0 ;;
  tag)
    present "@{pos[0]:-}" || { echo "Error response from daemon: No such image: @{pos[0]:-}" >&2; exit 1; }
    normalize "@{pos[1]:-}"; echo "$REF" >> "$S/images"; exit 0 ;;
  rmi)
    for ref in "@{pos[@]}"; do
      normalize "$ref"; kept=(); for x in "@{IMAGES[@]}"; do [[ $x == "$REF" ]] || kept+=("$x"); done; IMAGES=("@{kept[@]}")
      printf '%s\n' "@{IMAGES[@]}" > "$S/images"; echo "Untagged: $ref"
    done
    exit 0 ;;
  logs|version|info|login|system|network|volume) echo "docker $cmd: ok"; exit 0 ;;
  *) echo "docker: '$cmd' is not a docker command." >&2; echo "See 'docker --help'" >&2; exit 1 ;;
esac
`.replaceAll('@{', '${')
  );
}

export function fakeSystemctl(nonce: string): string {
  return (
    LOG_PRELUDE(nonce, 'systemctl') +
    String.raw`
quiet=0; args=()
for a in "$@"; do case "$a" in -q|--quiet) quiet=1 ;; --no-pager|--no-block|--no-ask-password|--system|-l|--full|--now) ;; *) args+=("$a") ;; esac; done
verb=@{args[0]:-}; unit=@{args[1]:-}; unit=@{unit%.service}
fail_msg() { echo "Job for myapp.service failed because the control process exited with error code." >&2
  echo "See \"systemctl status myapp.service\" and \"journalctl -xeu myapp.service\" for details." >&2; }
case "$verb" in
  daemon-reload|reset-failed|enable|disable|list-units) exit 0 ;;
esac
if [ "$unit" != myapp ]; then
  case "$verb" in
    is-active) [ $quiet = 1 ] || echo inactive; exit 3 ;;
    *) echo "Failed to $verb $unit.service: Unit $unit.service not found." >&2; exit 5 ;;
  esac
fi
case "$verb" in
  stop)
    if has stop_fail; then fail_msg; exit 1; fi
    rm -f "$S/active"; exit 0 ;;
  start)
    if has start_fail; then rm -f "$S/active"; touch "$S/failed"; fail_msg; exit 1; fi
    touch "$S/active"; exit 0 ;;
  restart|try-restart|reload-or-restart)
    if has stop_fail; then fail_msg; exit 1; fi
    if has start_fail; then rm -f "$S/active"; touch "$S/failed"; fail_msg; exit 1; fi
    touch "$S/active"; exit 0 ;;
  is-active)
    if [ -e "$S/active" ]; then [ $quiet = 1 ] || echo active; exit 0; fi
    if [ -e "$S/failed" ]; then [ $quiet = 1 ] || echo failed; else [ $quiet = 1 ] || echo inactive; fi
    exit 3 ;;
  is-failed)
    if [ -e "$S/failed" ]; then echo failed; exit 0; fi; echo active; exit 1 ;;
  status)
    if [ -e "$S/active" ]; then
      printf '● myapp.service - My App\n     Loaded: loaded (/etc/systemd/system/myapp.service; enabled)\n     Active: active (running)\n'; exit 0
    fi
    printf '● myapp.service - My App\n     Loaded: loaded (/etc/systemd/system/myapp.service; enabled)\n     Active: %s\n' "$([ -e "$S/failed" ] && echo 'failed (Result: exit-code)' || echo 'inactive (dead)')"; exit 3 ;;
  *) echo "Unknown command verb $verb." >&2; exit 1 ;;
esac
`.replaceAll('@{', '${')
  );
}

// Scripts often wait for the service to settle; the jail has no time to spare, so sleep returns at once.
export const FAKE_SLEEP = '#!/bin/sh\nexit 0\n';
