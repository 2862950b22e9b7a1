# awsenv shell integration for zsh: load it with  eval "$(awsenv init zsh)"  or  source awsenv.zsh
# awsuse PROFILE [flags]   export PROFILE's credentials into this shell, with a summary line on stderr (-q: without)
# awsuse                   pick a profile on the terminal (without one: list them and fail); awsuse -u clears

awsuse() {
  local __awsenv_code
  # Assigned apart from `local`, which would hide awsenv's exit status.
  __awsenv_code="$(command awsenv use --format sh "$@")" || return
  eval "$__awsenv_code"
}

_awsuse() {
  local -a profiles
  profiles=(${(f)"$(command awsenv list 2>/dev/null)"})
  compadd -a profiles
}

# Completion needs compinit; without it awsuse still works.
if (( $+functions[compdef] )); then
  compdef _awsuse awsuse
fi
