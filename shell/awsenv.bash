# awsenv shell integration for bash: load it with  eval "$(awsenv init bash)"  or  source awsenv.bash
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
  local line=${COMP_LINE:0:COMP_POINT} word= kept= quoted= quote= c i
  local -a words=("$@")
  # Split here rather than read COMP_WORDS, which breaks words at = : @ and quotes (COMP_WORDBREAKS): awsenv is
  # given the words as the shell will run them. kept is what readline keeps of the word under the cursor: up to its
  # last unquoted break character (--format=), or its opening quote. The first word is the command's own name.
  for ((i = 0; i < ${#line}; i++)); do
    c=${line:i:1}
    if [[ -n $quote ]]; then
      if [[ $c == "$quote" ]]; then
        quote=
      elif [[ $quote == '"' && $c == \\ && ${line:i+1:1} == [\"\\\$\`] ]]; then
        word+=${line:i+1:1}
        ((++i))
      else
        word+=$c
      fi
    elif [[ $c == \\ ]]; then
      word+=${line:i+1:1}
      ((++i))
    elif [[ $c == [\"\'] ]]; then
      quote=$c quoted=1 kept=$word
    elif [[ $c == [[:blank:]] ]]; then
      [[ -n $word || -n $quoted ]] && words+=("$word")
      word= kept= quoted=
    else
      word+=$c
      [[ $COMP_WORDBREAKS == *"$c"* ]] && kept=$word
    fi
  done
  words+=("$word")
  words=("${words[@]:0:$#}" "${words[@]:$# + 1}")
  local cur=$word kind name reply
  COMPREPLY=()
  {
    IFS= read -r kind || return
    case $kind in
      words)
        # Compared literally, and quoted with %q outside a quote the user opened: compgen -W would expand $,
        # backticks and globs in profile names, and readline inserts a word as it is given.
        while IFS= read -r name; do
          [[ $name == "$cur"* ]] || continue
          reply=${name#"$kept"}
          [[ -z $quote ]] && printf -v reply %q "$reply"
          COMPREPLY+=("$reply")
        done
        ;;
      files) compopt -o default 2>/dev/null ;;
      command\ *)
        local from=${kind#command }
        if declare -F _command_offset >/dev/null; then
          _command_offset $((COMP_CWORD - ${#words[@]} + 1 + from))
        elif ((from == ${#words[@]} - 1)); then
          while IFS= read -r name; do
            printf -v reply %q "$name"
            COMPREPLY+=("$reply")
          done < <(compgen -c -- "$cur")
        else
          compopt -o default 2>/dev/null
        fi
        ;;
    esac
  } < <(command awsenv __complete "${words[@]}" 2>/dev/null)
}

_awsenv_complete() { __awsenv_complete; }
# awsuse ARGS runs awsenv use ARGS.
_awsuse_complete() { __awsenv_complete use; }

complete -F _awsenv_complete awsenv
complete -F _awsuse_complete awsuse

# Before each prompt, when the credentials awsuse exported are within ten minutes of their end (where awsenv itself
# stops reusing cached ones): once, with awsuse --auto-refresh, new ones if no person is needed; else one warning.
# It reads AWSENV_STATE with bash's own regex and clock: a prompt that needs neither starts no process.
__awsenv_expiry_hook() {
  local status=$? expires now code
  [[ ${AWSENV_STATE-} =~ (^|&)expires=([0-9]+) ]] || return $status
  expires=${BASH_REMATCH[2]} now=${EPOCHSECONDS-}
  # EPOCHSECONDS from bash 5, printf's clock from 4.2; macOS's bash 3.2 has neither, and asks date.
  [[ -n $now ]] || printf -v now '%(%s)T' -1 2>/dev/null || now=$(command date +%s)
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
