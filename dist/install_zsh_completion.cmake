# Installs the zsh completion where zsh looks for the prefix given at install
# time (cmake --install --prefix, or cpack's /usr): Debian's zsh reads packages'
# completions from /usr/share/zsh/vendor-completions, and local ones from
# /usr/local/share/zsh/site-functions only. Run by install(SCRIPT).
set(zsh_completions "${CMAKE_INSTALL_PREFIX}/share/zsh/site-functions")
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(zsh_completions "/usr/share/zsh/vendor-completions")
endif()
file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/completions/_linkgraph" DESTINATION "${zsh_completions}")
