/* cli_user.h - `warta user`: newsroom accounts from the command line. */
#ifndef WARTA_CLI_USER_H
#define WARTA_CLI_USER_H

/* Runs `warta user SUBCOMMAND [OPTIONS]` with argv[0] the subcommand
 * (add, passwd, list, disable, enable) and returns the exit status: 0 on
 * success, 1 on a failure (a short password, an email already taken, an
 * unknown account, a database error), 2 on a usage error (unknown option
 * or role, a missing or malformed value). Each error is one line on
 * stderr. Passwords come from standard input (one line), or from a prompt
 * without echo when it is a terminal; they are never printed, except the
 * one `user add --random-password` generates. auth_init() must have been
 * called. Not thread-safe (it reads stdin and may change the terminal). */
int cli_user(int argc, char **argv);

#endif
