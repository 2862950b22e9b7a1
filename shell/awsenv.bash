# awsenv shell integration for bash: load it with  eval "$(awsenv init bash)"  or  source awsenv.bash
# awsuse PROFILE [flags]   export PROFILE's credentials into this shell, with a summary line on stderr (-q: without)
# awsuse                   clear them (as does awsuse --unset, or -u)

awsuse() {
  local __awsenv_code
  # Assigned apart from `local`, which would hide awsenv's exit status.
  __awsenv_code="$(command awsenv use --format sh "$@")" || return
  eval "$__awsenv_code"
}

_awsuse_complete() {
  local cur=${COMP_WORDS[COMP_CWORD]} name
  COMPREPLY=()
  # Compared literally: compgen -W would expand $, backticks and globs in profile names.
  while IFS= read -r name; do
    [[ $name == "$cur"* ]] && COMPREPLY+=("$name")
  done < <(command awsenv list 2>/dev/null)
}

complete -o default -F _awsuse_complete awsuse

# Before each prompt, when the credentials awsuse exported are within ten minutes of their end (where awsenv itself
# stops reusing cached ones): once, with awsuse --auto-refresh, new ones if no person is needed; else one warning.
# It reads AWSENV_STATE with bash's own regex and clock: a prompt that needs neither starts no process.
__awsenv_expiry_hook() {
  local status=$? expires now code
  [[ ${AWSENV_STATE-} =~ (^|&)expires=([0-9]+) ]] || return $status
  expires=${BASH_REMATCH[2]} now=${EPOCHSECONDS-}
  [[ -n $now ]] || printf -v now '%(%s)T' -1
  if ((now < expires - 600)) || [[ ${__awsenv_noticed-} == "$expires" ]]; then return $status; fi
  __awsenv_noticed=$expires
  local name=${AWSENV_PROFILE-} quoted why=
  if [[ $AWSENV_STATE =~ (^|&)auto=1(&|$) && -n $name ]]; then
    local -a args=(use --format sh --quiet --non-interactive --auto-refresh)
    [[ $AWSENV_STATE =~ (^|&)region=([a-z0-9-]+)(&|$) ]] && args+=(--region "${BASH_REMATCH[2]}")
    if code="$(command awsenv "${args[@]}" "$name" 2>/dev/null)"; then
      eval "$code"
      # Renewed: nothing to say, unless the new ones end as soon (then they are what the warning is about).
      [[ ${AWSENV_STATE-} =~ (^|&)expires=([0-9]+) ]] || return $status
      expires=${BASH_REMATCH[2]} __awsenv_noticed=${BASH_REMATCH[2]}
      ((now < expires - 600)) && return $status
    else
      why=' and cannot be renewed without you'
    fi
  fi
  printf -v quoted %q "$name"
  name=${name//[[:cntrl:]]/?}
  if ((expires > now)); then
    # Whole minutes, rounded down, as awsuse's summary counts them.
    local left=$(((expires - now) / 60))m
    [[ $left == 0m ]] && left='<1m'
    printf 'awsenv: the credentials of profile "%s" expire in %s%s: awsuse %s\n' "$name" "$left" "$why" "${quoted//[[:cntrl:]]/?}" >&2
  else
    printf 'awsenv: the credentials of profile "%s" have expired%s: awsuse %s\n' "$name" "$why" "${quoted//[[:cntrl:]]/?}" >&2
  fi
  return $status
}

# First, so that what runs after it still sees the status of the user's command; once, however often this is loaded.
if [[ $(declare -p PROMPT_COMMAND 2>/dev/null) == 'declare -a'* ]]; then
  [[ " ${PROMPT_COMMAND[*]} " == *' __awsenv_expiry_hook '* ]] || PROMPT_COMMAND=(__awsenv_expiry_hook "${PROMPT_COMMAND[@]}")
elif [[ ${PROMPT_COMMAND-} != *__awsenv_expiry_hook* ]]; then
  PROMPT_COMMAND="__awsenv_expiry_hook${PROMPT_COMMAND:+; $PROMPT_COMMAND}"
fi
