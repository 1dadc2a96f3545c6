#ifndef SERVICE_RECOVERY_CREADLINE_SHIM_H
#define SERVICE_RECOVERY_CREADLINE_SHIM_H
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

/* The readline globals LineEditor uses, redeclared so that Swift 6 accepts
   them. Each is touched only by LineEditor, from the thread that calls
   readline() and from readline's own callbacks on that thread (never from a
   signal handler). */
#define SR_UNSAFE __attribute__((swift_attr("nonisolated(unsafe)")))
extern SR_UNSAFE const char *rl_readline_name;
extern SR_UNSAFE int rl_done;
extern SR_UNSAFE rl_hook_func_t *rl_event_hook;
extern SR_UNSAFE rl_getc_func_t *rl_getc_function;
extern SR_UNSAFE int rl_catch_signals;
extern SR_UNSAFE rl_completion_func_t *rl_attempted_completion_function;
extern SR_UNSAFE int rl_attempted_completion_over;
extern SR_UNSAFE int rl_completion_append_character;
extern SR_UNSAFE int history_length;
extern SR_UNSAFE int history_base;
#undef SR_UNSAFE

#endif
