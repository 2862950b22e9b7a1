# awsenv shell integration for zsh: load it with  eval "$(awsenv init zsh)"  or  source awsenv.zsh
# awsuse PROFILE [flags]   export PROFILE's credentials into this shell, with a summary line on stderr (-q: without)
# awsuse                   pick a profile on the terminal (without one: list them and fail); awsuse -u clears

awsuse() {
  local __awsenv_code
  # Assigned apart from `local`, which would hide awsenv's exit status.
  __awsenv_code="$(command awsenv use --format sh "$@")" || return
  eval "$__awsenv_code"
}

# Completion for awsenv and awsuse, from `awsenv __complete`: its first line says what to offer (words, files, or the
# completion of exec's command from word N on), the words follow one a line.
__awsenv_complete() {
  local -a reply offered
  # (Q): awsenv is given the words as the command will get them, without the quoting typed.
  reply=(${(f)"$(command awsenv __complete "$@" "${(@Q)words[2,CURRENT-1]}" "${(Q)PREFIX}" 2>/dev/null)"})
  case $reply[1] in
    words)
      offered=("${(@)reply[2,-1]}")
      compadd -a offered
      ;;
    files) _files ;;
    command\ *)
      # words from exec's command on, as if it were the line; $# words of the line awsenv was given are not in $words.
      local skip=$(( ${reply[1]#command } - $# + 1 ))
      shift $skip words
      (( CURRENT -= skip ))
      _normal
      ;;
  esac
}

_awsenv() { __awsenv_complete }
# awsuse ARGS runs awsenv use ARGS.
_awsuse() { __awsenv_complete use }

# Completion needs compinit; without it awsenv and awsuse still work.
if (( $+functions[compdef] )); then
  compdef _awsenv awsenv
  compdef _awsuse awsuse
fi

# Before each prompt, when the credentials awsuse exported are within ten minutes of their end (where awsenv itself
# stops reusing cached ones): once, with awsuse --auto-refresh, new ones if no person is needed; else one warning.
# It reads AWSENV_STATE with zsh's own regex and clock (zsh/datetime): a prompt that needs neither starts no process.
zmodload -F zsh/datetime p:EPOCHSECONDS 2>/dev/null
__awsenv_expiry_hook() {
  local expires now=$EPOCHSECONDS code name=${AWSENV_PROFILE-} why=
  local -a match mbegin mend args
  [[ ${AWSENV_STATE-} =~ '(^|&)expires=([0-9]+)' ]] || return 0
  expires=$match[2]
  (( now < expires - 600 )) || [[ ${__awsenv_noticed-} == $expires ]] && return 0
  typeset -g __awsenv_noticed=$expires
  if [[ $AWSENV_STATE =~ '(^|&)auto=1(&|$)' && -n $name ]]; then
    args=(use --format sh --quiet --non-interactive --auto-refresh)
    [[ $AWSENV_STATE =~ '(^|&)region=([a-z0-9-]+)(&|$)' ]] && args+=(--region $match[2])
    if code="$(command awsenv $args $name 2>/dev/null)"; then
      eval "$code"
      # Renewed: nothing to say, unless the new ones end as soon (then they are what the warning is about).
      [[ ${AWSENV_STATE-} =~ '(^|&)expires=([0-9]+)' ]] || return 0
      expires=$match[2] __awsenv_noticed=$match[2]
      (( now < expires - 600 )) && return 0
    else
      why=' and cannot be renewed without you'
    fi
  fi
  local shown=${name//[[:cntrl:]]/?} command=${${(q-)name}//[[:cntrl:]]/?}
  if (( expires > now )); then
    # Whole minutes, rounded down, as awsuse's summary counts them.
    local left=$(( (expires - now) / 60 ))m
    [[ $left == 0m ]] && left='<1m'
    printf 'awsenv: the credentials of profile "%s" expire in %s%s: awsuse %s\n' "$shown" "$left" "$why" "$command" >&2
  else
    printf 'awsenv: the credentials of profile "%s" have expired%s: awsuse %s\n' "$shown" "$why" "$command" >&2
  fi
  return 0
}

autoload -Uz add-zsh-hook && add-zsh-hook precmd __awsenv_expiry_hook
