# awsenv shell integration for fish: load it with  awsenv init fish | source  or  source awsenv.fish
# awsuse PROFILE [flags]   export PROFILE's credentials into this shell, with a summary line on stderr (-q: without)
# awsuse                   clear them (as does awsuse --unset, or -u)

function awsuse --description 'Export the credentials of an AWS profile into this shell'
    # set keeps the status of the command substitution, so a failure returns before anything is evaluated.
    set -l __awsenv_code (command awsenv use --format fish $argv)
    or return
    string join \n -- $__awsenv_code | source
end

# Completion for awsenv and awsuse, from `awsenv __complete`: its first line says what to offer (words, files, or the
# completion of exec's command from word N on), the words follow one a line.
function __awsenv_complete --description 'What awsenv offers at the cursor'
    # -o: the words before the cursor unquoted, as the command will get them; the one under it as typed.
    set -l current (commandline -ct)
    set -l words $argv (commandline -opc)[2..] "$current"
    set -l reply (command awsenv __complete $words 2>/dev/null)
    switch "$reply[1]"
        case words
            set -q reply[2]; and printf '%s\n' $reply[2..]
        case files
            __fish_complete_path "$current"
        case 'command *'
            set -l from (math (string replace 'command ' '' -- $reply[1]) + 1)
            set -l before
            # Not $words[$from..-2] when the command is the word under the cursor: fish reads a range backwards.
            if test $from -lt (count $words)
                set before (string escape -- $words[$from..-2])
            end
            complete -C (string join ' ' -- $before "$current")
    end
end

complete --command awsenv --no-files --arguments '(__awsenv_complete)'
# awsuse ARGS runs awsenv use ARGS.
complete --command awsuse --no-files --arguments '(__awsenv_complete use)'
