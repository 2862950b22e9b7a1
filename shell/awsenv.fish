# awsenv shell integration for fish: load it with  awsenv init fish | source  or  source awsenv.fish
# awsuse PROFILE [flags]   export PROFILE's credentials into this shell, with a summary line on stderr (-q: without)
# awsuse                   clear them (as does awsuse --unset, or -u)

function awsuse --description 'Export the credentials of an AWS profile into this shell'
    # set keeps the status of the command substitution, so a failure returns before anything is evaluated.
    set -l __awsenv_code (command awsenv use --format fish $argv)
    or return
    string join \n -- $__awsenv_code | source
end

complete --command awsuse --no-files --arguments '(command awsenv list 2>/dev/null)'

# Before each prompt, when the credentials awsuse exported are within ten minutes of their end (where awsenv itself
# stops reusing cached ones): once, with awsuse --auto-refresh, new ones if no person is needed; else one warning.
# fish has no clock of its own: on Linux the time is the boot time plus the uptime, both read by builtins, so a
# prompt that needs neither starts no process; elsewhere it asks date.
function __awsenv_now
    if test -r /proc/uptime; and read -l up rest </proc/uptime
        set -l boot (string match -rg '^btime (\d+)$' </proc/stat)
        and math --scale 0 "$boot + $up"
        and return
    end
    command date +%s
end

function __awsenv_expiry_hook --on-event fish_prompt
    set -l expires (string match -rg '(?:^|&)expires=(\d+)' -- "$AWSENV_STATE"); or return 0
    set -l now (__awsenv_now); or return 0
    if test $now -lt (math $expires - 600); or test "$__awsenv_noticed" = $expires
        return 0
    end
    set -g __awsenv_noticed $expires
    set -l name "$AWSENV_PROFILE"
    set -l why ''
    if string match -qr '(?:^|&)auto=1(?:&|$)' -- "$AWSENV_STATE"; and test -n "$name"
        set -l args use --format fish --quiet --non-interactive --auto-refresh
        set -l region (string match -rg '(?:^|&)region=([a-z0-9-]+)(?:&|$)' -- "$AWSENV_STATE"); and set -a args --region $region
        set -l code (command awsenv $args $name 2>/dev/null)
        if test $status -eq 0
            string join \n -- $code | source
            # Renewed: nothing to say, unless the new ones end as soon (then they are what the warning is about).
            set expires (string match -rg '(?:^|&)expires=(\d+)' -- "$AWSENV_STATE"); or return 0
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
