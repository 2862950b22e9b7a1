# awsenv shell integration for fish: load it with  awsenv init fish | source  or  source awsenv.fish
# awsuse PROFILE [flags]   export PROFILE's credentials into this shell, with a summary line on stderr (-q: without)
# awsuse                   pick a profile on the terminal (without one: list them and fail); awsuse -u clears

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

# Before each prompt, when the credentials awsuse exported are within ten minutes of their end (where awsenv itself
# stops reusing cached ones): once, with awsuse --auto-refresh, new ones if no person is needed; else one warning.
# fish has no clock of its own: on Linux the time is the boot time plus the uptime, both read by builtins, so a
# prompt that needs neither starts no process; elsewhere it asks date.
function __awsenv_now
    if test -r /proc/uptime; and read -l up rest </proc/uptime
        set -l boot (string match -r '^btime (\d+)$' </proc/stat)
        and math --scale 0 "$boot[2] + $up"
        and return
    end
    command date +%s
end

function __awsenv_expiry_hook --on-event fish_prompt
    # string match -r prints the match, then its group: -g (only the group) is fish 3.4's, newer than many a distribution's.
    set -l expires (string match -r '(?:^|&)expires=(\d+)' -- "$AWSENV_STATE")[2]; or return 0
    set -l now (__awsenv_now); or return 0
    if test $now -lt (math $expires - 600); or test "$__awsenv_noticed" = $expires
        return 0
    end
    set -g __awsenv_noticed $expires
    set -l name "$AWSENV_PROFILE"
    set -l why ''
    if string match -qr '(?:^|&)auto=1(?:&|$)' -- "$AWSENV_STATE"; and test -n "$name"
        set -l args use --format fish --quiet --non-interactive --auto-refresh
        set -l region (string match -r '(?:^|&)region=([a-z0-9-]+)(?:&|$)' -- "$AWSENV_STATE")[2]; and set -a args --region $region
        set -l code (command awsenv $args $name 2>/dev/null)
        if test $status -eq 0
            string join \n -- $code | source
            # Renewed: nothing to say, unless the new ones end as soon (then they are what the warning is about).
            set expires (string match -r '(?:^|&)expires=(\d+)' -- "$AWSENV_STATE")[2]; or return 0
            set -g __awsenv_noticed $expires
            test $now -lt (math $expires - 600); and return 0
        else
            set why ' and cannot be renewed without you'
        end
    end
    set -l shown (string replace -ra '[[:cntrl:]]' '?' -- $name)
    set -l command (string escape -- $name | string replace -ra '[[:cntrl:]]' '?')
    if test $expires -gt $now
        # Whole minutes, rounded down, as awsuse's summary counts them.
        set -l left (math --scale 0 "($expires - $now) / 60")m
        test $left = 0m; and set left '<1m'
        printf 'awsenv: the credentials of profile "%s" expire in %s%s: awsuse %s\n' $shown $left $why $command >&2
    else
        printf 'awsenv: the credentials of profile "%s" have expired%s: awsuse %s\n' $shown $why $command >&2
    end
    return 0
end
