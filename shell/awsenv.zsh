# awsenv shell integration for zsh: load it with  eval "$(awsenv init zsh)"  or  source awsenv.zsh
# awsuse PROFILE [flags]   export PROFILE's credentials into this shell, with a summary line on stderr (-q: without)
# awsuse                   clear them (as does awsuse --unset, or -u)

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
