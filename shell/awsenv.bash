# awsenv shell integration for bash: load it with  eval "$(awsenv init bash)"  or  source awsenv.bash
# awsuse PROFILE [flags]   export PROFILE's credentials into this shell, with a summary line on stderr (-q: without)
# awsuse                   pick a profile on the terminal (without one: list them and fail); awsuse -u clears

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
