# awsenv shell integration for PowerShell: load it with  awsenv init powershell | Out-String | Invoke-Expression  or  . awsenv.ps1
# awsuse PROFILE [flags]   export PROFILE's credentials into this session, with a summary line on stderr (-q: without)
# awsuse                   clear them (as does awsuse --unset, or -u)

function awsuse {
    $__awsenv_code = & awsenv use --format powershell @args
    # Nothing is evaluated unless awsenv ran and succeeded; $? is false when it could not be started at all.
    if (-not $? -or $LASTEXITCODE -ne 0) { return }
    # PowerShell hands a program's output over as lines; each statement is one line ending in ;.
    Invoke-Expression ($__awsenv_code -join "`n")
}

# Completion for awsenv and awsuse, from `awsenv __complete`: its first line says what to offer (words, files, or the
# completion of exec's command from word N on), the words follow one a line.
function __awsenv_complete([string[]] $Before, [string] $WordToComplete, $CommandAst, [int] $CursorPosition) {
    # The words before the one under the cursor, unquoted as the command will get them; the command's own name left out.
    $words = @($CommandAst.CommandElements | Select-Object -Skip 1 | Where-Object { $_.Extent.EndOffset -lt $CursorPosition } | ForEach-Object {
            if ($_ -is [System.Management.Automation.Language.StringConstantExpressionAst]) { $_.Value } else { $_.Extent.Text }
        })
    $current = $WordToComplete -replace "^['""\u2018-\u201b\u201c-\u201e]", ''
    # Before 7.3 PowerShell drops an empty argument to a program, and reads "" as one.
    $last = if ($current -eq '' -and $PSNativeCommandArgumentPassing -notin 'Standard', 'Windows') { '""' } else { $current }
    $reply = @(& awsenv __complete @Before @words $last 2>$null)
    if (-not $? -or $reply.Count -eq 0) { return }
    if ($reply[0] -like 'command *') {
        $from = [int]$reply[0].Substring(8) - $Before.Count
        $line = (@($words | Select-Object -Skip $from) + $WordToComplete) -join ' '
        return [System.Management.Automation.CommandCompletion]::CompleteInput($line, $line.Length, $null).CompletionMatches
    }
    # files: nothing, so that PowerShell completes paths itself.
    if ($reply[0] -ne 'words') { return }
    $reply | Select-Object -Skip 1 | Where-Object { $_.StartsWith($current, [System.StringComparison]::Ordinal) } | ForEach-Object {
        # Inserted as typed: a word PowerShell would read otherwise goes in single quotes, ' and its typographic
        # forms doubled.
        $text = if ($_ -match '^[\w.:/+=-][\w.:/+=@-]*$') { $_ } else { "'" + ($_ -replace "['\u2018-\u201b]", '$0$0') + "'" }
        [System.Management.Automation.CompletionResult]::new($text, $_, 'ParameterValue', $_)
    }
}

Register-ArgumentCompleter -Native -CommandName awsenv -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    __awsenv_complete @() $wordToComplete $commandAst $cursorPosition
}
# awsuse ARGS runs awsenv use ARGS.
Register-ArgumentCompleter -Native -CommandName awsuse -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    __awsenv_complete @('use') $wordToComplete $commandAst $cursorPosition
}
