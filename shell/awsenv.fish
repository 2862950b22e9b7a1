# awsenv shell integration for fish: load it with  awsenv init fish | source  or  source awsenv.fish
# awsuse PROFILE [flags]   export PROFILE's credentials into this shell, with a summary line on stderr (-q: without)
# awsuse                   pick a profile on the terminal (without one: list them and fail); awsuse -u clears

function awsuse --description 'Export the credentials of an AWS profile into this shell'
    # set keeps the status of the command substitution, so a failure returns before anything is evaluated.
    set -l __awsenv_code (command awsenv use --format fish $argv)
    or return
    string join \n -- $__awsenv_code | source
end

complete --command awsuse --no-files --arguments '(command awsenv list 2>/dev/null)'
