# bash completion for linkgraph(1): commands, their options, the values an
# option takes, and files where a file goes. Installed as
# share/bash-completion/completions/linkgraph; the tables below are all there
# is to update when the command line changes.

_linkgraph_commands="import crawl report export rebuild status copy help"

_linkgraph_report_kinds="met replies mentions links people person path vouch pages new"

# -g: bash-completion sources this file inside a function.
# The options of each command (-h/--help for all).
declare -gA _linkgraph_options=(
  [import]="--db --config --quiet --verbose --log --no-graph --lock-timeout --explain --reextract"
  [crawl]="--db --config --urls-file --scope --max-pages --max-depth --concurrency --per-host --delay
           --timeout --connect-timeout --retries --backoff --max-body --recrawl-after
           --allow-private --contact --discover --lease-seconds --worker-name --lock-timeout
           --quiet --verbose --log --progress-every --no-graph --explain --max-links-per-page --max-queued-urls --max-queued-per-host
           --max-sitemaps --max-sitemap-depth --max-feeds --max-comment-pages
           --max-comment-pages-per-post --max-total-bytes"
  [report]="--db --config --format --person --as --limit --by --failed --around --depth --since --until"
  [export]="--db --config --format --out --merge-edges"
  [rebuild]="--db --config --quiet --log --lock-timeout"
  [status]="--db --config --format"
  [copy]="--config --from --to --quiet"
  [help]=""
)

# The values of options that take one of a few words, per command.
declare -gA _linkgraph_values=(
  [report --format]="table csv json dot svg"
  [report --by]="author pair reply unanswered"
  [status --format]="table json"
  [export --format]="json csv graphml gexf dot xlsx html"
  [crawl --scope]="host site list"
  [crawl --discover]="sitemaps feeds comments none"
)

# Options whose value is a file (or a folder, for export --out and --db).
_linkgraph_file_options=" --db --config --urls-file --out --from --to --log "

# Options that take a value nothing can guess (a number, a name, a URL).
_linkgraph_free_options=" --max-pages --max-depth --concurrency --per-host --delay --timeout
  --connect-timeout --retries --backoff --max-body --recrawl-after --contact --lease-seconds
  --worker-name --lock-timeout --person --as --limit --max-links-per-page --max-queued-urls
  --max-queued-per-host --max-sitemaps --max-sitemap-depth --max-feeds --max-comment-pages
  --max-comment-pages-per-post --max-total-bytes --progress-every "

_linkgraph() {
  local cur prev words cword command word i
  COMPREPLY=()
  if declare -F _init_completion >/dev/null; then
    _init_completion -s || return  # -s: "--db=FILE" completes FILE
  else
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
    cur=${words[cword]}
    prev=${words[cword - 1]}
  fi

  for ((i = 1; i < cword; i++)); do
    word=${words[i]}
    if [[ " $_linkgraph_commands " == *" $word "* ]]; then
      command=$word
      break
    fi
  done

  if [[ -z $command ]]; then
    COMPREPLY=($(compgen -W "$_linkgraph_commands --help --version -V" -- "$cur"))
    return
  fi

  local values=${_linkgraph_values[$command $prev]}
  if [[ -n $values ]]; then
    COMPREPLY=($(compgen -W "$values" -- "$cur"))
    return
  fi
  if [[ $_linkgraph_file_options == *" $prev "* ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
    return
  fi
  if [[ $_linkgraph_free_options == *" $prev "* ]]; then
    return
  fi

  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "${_linkgraph_options[$command]} --help" -- "$cur"))
    return
  fi

  case $command in
    help)
      COMPREPLY=($(compgen -W "$_linkgraph_commands" -- "$cur"))
      ;;
    import)
      COMPREPLY=($(compgen -f -- "$cur"))
      compopt -o filenames 2>/dev/null
      ;;
    report)
      # The first word after "report" that is no option's value is the kind.
      local kind_given=
      for ((i = i + 1; i < cword; i++)); do
        word=${words[i - 1]}
        if [[ ${words[i]} != -* && ($word != --* || $word == *=*) ]]; then
          kind_given=1
        fi
      done
      if [[ -z $kind_given ]]; then
        COMPREPLY=($(compgen -W "$_linkgraph_report_kinds" -- "$cur"))
      fi
      ;;
  esac
}

complete -F _linkgraph linkgraph
