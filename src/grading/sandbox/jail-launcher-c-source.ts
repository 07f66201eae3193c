// The jail launcher in C: the same program as the Perl one (jail-launcher-source.ts, whose header
// gives the protocol and the guarantees), compiled on the host when it has a C compiler
// (compile-native-helper.ts). Why: each jail's launch chain is forked from the launcher, and a
// fork of a Perl interpreter pays for it twice, in copy-on-write faults while the child prepares
// the chain and in unmapping the interpreter at exec; with the launcher's own select loop that
// was about a tenth of a Bash submission's CPU (decision 004, "C launcher and starter").
// Differences, none visible to the driver: poll instead of select (no limit on fd numbers), the
// system calls by libc name instead of the numbers an "R" request carries (this build knows its
// own architecture; the numbers are read and ignored).
import type { NativeHelperSource } from './compile-native-helper';

export const JAIL_LAUNCHER_C = String.raw`#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_RUNS 4096

typedef struct {
  long id;
  pid_t pid;
  int used, reaped;
  int fd[3];             /* O, E, T read ends; -1 once ended */
  long cap[3], sent[3];
  int in;                /* stdin write end, -1 once closed */
  char *stdin_data;
  size_t stdin_length, stdin_sent;
} Run;

static Run runs[MAX_RUNS];
static const char TYPES[3] = {'O', 'E', 'T'};
static int wake[2];
static char *input;
static size_t input_length, input_size;

/* close_range where the kernel has it (5.9+); else /proc/self/fd, listed again until nothing is
   left above keep (a listing holds at most 1024 at a time). */
static void close_fds_above(int keep) {
  if (syscall(SYS_close_range, keep + 1, ~0U, 0) == 0) return;
  for (;;) {
    DIR *dir = opendir("/proc/self/fd");
    if (!dir) return;
    int own = dirfd(dir);
    int fds[1024];
    size_t count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) && count < 1024) {
      int fd = atoi(entry->d_name);
      if (entry->d_name[0] >= '0' && entry->d_name[0] <= '9' && fd > keep && fd != own) fds[count++] = fd;
    }
    closedir(dir);
    for (size_t i = 0; i < count; i++) close(fds[i]);
    if (count == 0) return;
  }
}

static void stop_all(void) {
  for (int i = 0; i < MAX_RUNS; i++)
    if (runs[i].used && !runs[i].reaped) kill(runs[i].pid, SIGKILL);
  _exit(0);
}

static void send_frame(char type, long id, const char *data, size_t length) {
  char head[64];
  int head_length = snprintf(head, sizeof head, "%c %ld %zu\n", type, id, length);
  const char *parts[2] = {head, data};
  size_t sizes[2] = {(size_t)head_length, length};
  for (int p = 0; p < 2; p++) {
    const char *at = parts[p];
    size_t left = sizes[p];
    while (left > 0) {
      ssize_t n = write(1, at, left);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) stop_all();
      at += n;
      left -= (size_t)n;
    }
  }
}

static void send_text(char type, long id, const char *text) { send_frame(type, id, text, strlen(text)); }

static void maybe_forget(Run *run) {
  if (!run->reaped || run->fd[0] >= 0 || run->fd[1] >= 0 || run->fd[2] >= 0) return;
  if (run->in >= 0) close(run->in);
  free(run->stdin_data);
  memset(run, 0, sizeof *run);
}

static void end_stream(Run *run, int type, int cut) {
  if (run->fd[type] < 0) return;
  close(run->fd[type]);
  run->fd[type] = -1;
  send_text((char)(TYPES[type] + 32), run->id, cut ? "1" : "0");
  maybe_forget(run);
}

static void fail(int code, const char *format, ...) {
  char text[512];
  va_list args;
  va_start(args, format);
  int length = vsnprintf(text, sizeof text - 1, format, args);
  va_end(args);
  if (length < 0) length = 0;
  if (length > (int)sizeof text - 2) length = (int)sizeof text - 2;
  text[length++] = '\n';
  if (write(2, text, (size_t)length) < 0) { /* nothing left to tell */ }
  _exit(code);
}

static unsigned long long number(const char *text) { return strtoull(text, NULL, 10); }

/* The launch chain, in the forked child (an "R" request; build-launch-argv.ts, buildNativeLaunch,
   says what each field is). Returns the index of bwrap's path in argv. Exit 126 on any failure
   and 125 when a cgroup cannot be joined, as the exec'd chain does. */
static int prepare_chain(char **argv, int argc) {
  int at = 5; /* the five system call numbers: this build calls libc by name */
  if (at >= argc) fail(126, "could not prepare the jail: a short request");
  const char *seccomp = argv[at++];
  if (*seccomp) {
    /* bwrap reads the filter from fd 4 (--seccomp 4), which must survive the exec. */
    int fd = open(seccomp, O_RDONLY);
    if (fd < 0) fail(126, "could not open %s: %s", seccomp, strerror(errno));
    if (fd != 4) {
      if (dup2(fd, 4) < 0) fail(126, "dup2: %s", strerror(errno));
      close(fd);
    }
  }
  if (at >= argc) fail(126, "could not prepare the jail: a short request");
  long cgroups = (long)number(argv[at++]);
  /* Joined before anything can fork, so nothing escapes the run's cgroups. */
  for (long i = 0; i < cgroups; i++) {
    if (at >= argc) fail(126, "could not prepare the jail: a short request");
    const char *file = argv[at++];
    int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail(125, "%s: %s", file, strerror(errno));
    char text[32];
    int length = snprintf(text, sizeof text, "%d\n", (int)getpid());
    if (write(fd, text, (size_t)length) != length) fail(125, "%s: %s", file, strerror(errno));
    if (close(fd) != 0) fail(125, "%s: %s", file, strerror(errno));
  }
  if (at >= argc) fail(126, "could not prepare the jail: a short request");
  long rlimits = (long)number(argv[at++]);
  for (long i = 0; i < rlimits; i++) {
    if (at + 3 > argc) fail(126, "could not prepare the jail: a short request");
    int resource = (int)number(argv[at]);
    struct rlimit limit = {(rlim_t)number(argv[at + 1]), (rlim_t)number(argv[at + 2])};
    at += 3;
    if (setrlimit(resource, &limit) != 0) fail(126, "setrlimit %d: %s", resource, strerror(errno));
  }
  if (at + 3 > argc) fail(126, "could not prepare the jail: a short request");
  const char *uid_text = argv[at], *gid_text = argv[at + 1];
  at += 2;
  if (strcmp(uid_text, "-") != 0) {
    uid_t uid = (uid_t)number(uid_text);
    gid_t gid = (gid_t)number(gid_text);
    /* No supplementary groups, then gid and uid (real, effective and saved): leaving uid 0
       clears the permitted and effective capabilities; the inheritable ones are cleared too. */
    if (setgroups(0, NULL) != 0) fail(126, "setgroups: %s", strerror(errno));
    if (setresgid(gid, gid, gid) != 0) fail(126, "setresgid: %s", strerror(errno));
    if (setresuid(uid, uid, uid) != 0) fail(126, "setresuid: %s", strerror(errno));
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    if (syscall(SYS_capset, &header, data) != 0) fail(126, "capset: %s", strerror(errno));
    gid_t groups[64];
    int count = getgroups(64, groups);
    int changed = getuid() == uid && geteuid() == uid && getgid() == gid && getegid() == gid && count >= 0;
    for (int i = 0; changed && i < count; i++) changed = groups[i] == gid;
    if (!changed) fail(126, "the uid or gid did not change");
  }
  return at;
}

static void write_stdin(Run *run) {
  if (run->in < 0) return;
  if (run->stdin_sent < run->stdin_length) {
    size_t chunk = run->stdin_length - run->stdin_sent;
    if (chunk > 65536) chunk = 65536;
    ssize_t n = write(run->in, run->stdin_data + run->stdin_sent, chunk);
    if (n >= 0) run->stdin_sent += (size_t)n;
    else if (errno != EAGAIN && errno != EINTR) run->stdin_sent = run->stdin_length;
  }
  if (run->stdin_sent >= run->stdin_length) {
    close(run->in);
    run->in = -1;
  }
}

static Run *find_run(long id) {
  for (int i = 0; i < MAX_RUNS; i++)
    if (runs[i].used && runs[i].id == id) return &runs[i];
  return NULL;
}

static void start(long id, char **argv, int argc, const char *stdin_data, size_t stdin_length, long caps[3], int native) {
  Run *run = NULL;
  for (int i = 0; i < MAX_RUNS && !run; i++)
    if (!runs[i].used) run = &runs[i];
  if (!run) {
    send_text('F', id, "too many runs at once");
    return;
  }
  int in[2], out[3][2];
  if (pipe2(in, O_CLOEXEC) != 0) {
    send_text('F', id, "pipe: could not create");
    return;
  }
  for (int t = 0; t < 3; t++) {
    if (pipe2(out[t], O_CLOEXEC) != 0) {
      close(in[0]);
      close(in[1]);
      for (int u = 0; u < t; u++) close(out[u][0]), close(out[u][1]);
      send_text('F', id, "pipe: could not create");
      return;
    }
  }
  pid_t pid = fork();
  if (pid < 0) {
    char text[128];
    snprintf(text, sizeof text, "fork: %s", strerror(errno));
    close(in[0]), close(in[1]);
    for (int t = 0; t < 3; t++) close(out[t][0]), close(out[t][1]);
    send_text('F', id, text);
    return;
  }
  if (pid == 0) {
    if (dup2(in[0], 0) < 0 || dup2(out[0][1], 1) < 0 || dup2(out[1][1], 2) < 0 || dup2(out[2][1], 3) < 0) _exit(126);
    close_fds_above(3);
    /* Every disposition back to the default, whatever started the launcher ignored. */
    for (int n = 1; n < NSIG; n++) signal(n, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    if (chdir("/") != 0) { /* as Perl's chdir: not fatal */ }
    int first = native ? prepare_chain(argv, argc) : 0;
    if (first >= argc) fail(126, "could not prepare the jail: no command");
    char *empty[] = {NULL};
    execve(argv[first], argv + first, empty);
    fail(127, "could not start %s: %s", argv[first], strerror(errno));
  }
  close(in[0]);
  for (int t = 0; t < 3; t++) close(out[t][1]);
  memset(run, 0, sizeof *run);
  run->used = 1;
  run->id = id;
  run->pid = pid;
  run->in = in[1];
  for (int t = 0; t < 3; t++) {
    run->fd[t] = out[t][0];
    run->cap[t] = caps[t];
  }
  run->stdin_length = stdin_length;
  if (stdin_length) {
    run->stdin_data = malloc(stdin_length);
    if (!run->stdin_data) stop_all();
    memcpy(run->stdin_data, stdin_data, stdin_length);
  }
  char text[32];
  snprintf(text, sizeof text, "%d", (int)pid);
  send_text('P', id, text);
  if (stdin_length) fcntl(run->in, F_SETFL, fcntl(run->in, F_GETFL) | O_NONBLOCK);
  write_stdin(run);
}

static void reap(void) {
  int status;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    Run *run = NULL;
    for (int i = 0; i < MAX_RUNS && !run; i++)
      if (runs[i].used && !runs[i].reaped && runs[i].pid == pid) run = &runs[i];
    if (!run) continue;
    char text[32];
    if (WIFSIGNALED(status)) snprintf(text, sizeof text, "- %d", WTERMSIG(status));
    else snprintf(text, sizeof text, "%d -", WEXITSTATUS(status));
    send_text('X', run->id, text);
    run->reaped = 1;
    maybe_forget(run);
  }
}

/* Reads a decimal field ended by ' ' or '\n' at *at; -1 when it is not one. */
static long long field(const char *line, size_t end, size_t *at) {
  size_t start = *at;
  long long value = 0;
  while (*at < end && line[*at] >= '0' && line[*at] <= '9') {
    if (value > 1000000000000LL) return -1;
    value = value * 10 + (line[*at] - '0');
    (*at)++;
  }
  if (*at == start) return -1;
  if (*at < end && line[*at] != ' ') return -1;
  if (*at < end) (*at)++;
  return value;
}

static void parse(void) {
  for (;;) {
    char *newline = memchr(input, '\n', input_length);
    if (!newline) return;
    size_t end = (size_t)(newline - input);
    if (end >= 2 && input[0] == 'K' && input[1] == ' ') {
      size_t at = 2;
      long long id = field(input, end, &at);
      Run *run = id >= 0 ? find_run((long)id) : NULL;
      if (run && !run->reaped) kill(run->pid, SIGKILL);
      memmove(input, input + end + 1, input_length - end - 1);
      input_length -= end + 1;
      continue;
    }
    if (end < 2 || (input[0] != 'S' && input[0] != 'R') || input[1] != ' ') _exit(2);
    size_t at = 2;
    long long head[6];
    for (int i = 0; i < 6; i++) {
      head[i] = field(input, end, &at);
      if (head[i] < 0) _exit(2);
    }
    if (at != end) _exit(2);
    long long argc = head[5];
    if (argc > 100000) _exit(2);
    size_t position = end + 1;
    char **argv = calloc((size_t)argc + 1, sizeof *argv);
    if (!argv) stop_all();
    for (long long i = 0; i < argc; i++) {
      char *line_end = memchr(input + position, '\n', input_length - position);
      if (!line_end) {
        for (long long j = 0; j < i; j++) free(argv[j]);
        free(argv);
        return;
      }
      size_t length_end = (size_t)(line_end - input), length_at = position;
      long long length = field(input, length_end, &length_at);
      if (length < 0 || length_at != length_end) _exit(2);
      position = length_end + 1;
      if (input_length < position + (size_t)length) {
        for (long long j = 0; j < i; j++) free(argv[j]);
        free(argv);
        return;
      }
      argv[i] = strndup(input + position, (size_t)length);
      if (!argv[i]) stop_all();
      position += (size_t)length;
    }
    size_t stdin_length = (size_t)head[4];
    if (input_length < position + stdin_length) {
      for (long long j = 0; j < argc; j++) free(argv[j]);
      free(argv);
      return;
    }
    long caps[3] = {(long)head[1], (long)head[2], (long)head[3]};
    start((long)head[0], argv, (int)argc, input + position, stdin_length, caps, input[0] == 'R');
    for (long long j = 0; j < argc; j++) free(argv[j]);
    free(argv);
    position += stdin_length;
    memmove(input, input + position, input_length - position);
    input_length -= position;
  }
}

static void on_child(int signal_number) {
  (void)signal_number;
  int saved = errno;
  if (write(wake[1], "c", 1) < 0) { /* the pipe is full: a wake-up is pending anyway */ }
  errno = saved;
}

int main(void) {
  /* Fds the driver's process leaked to this one: gone before anything else is opened. */
  close_fds_above(2);
  signal(SIGPIPE, SIG_IGN);
  if (pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) return 1;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_child;
  action.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  sigaction(SIGCHLD, &action, NULL);
  input_size = 1 << 20;
  input = malloc(input_size);
  if (!input) return 1;
  static struct pollfd fds[2 + 4 * MAX_RUNS];
  static int owner[2 + 4 * MAX_RUNS], kind[2 + 4 * MAX_RUNS];
  static char chunk[65536];
  for (;;) {
    reap();
    int count = 0;
    fds[count++] = (struct pollfd){.fd = 0, .events = POLLIN};
    fds[count++] = (struct pollfd){.fd = wake[0], .events = POLLIN};
    for (int i = 0; i < MAX_RUNS; i++) {
      if (!runs[i].used) continue;
      for (int t = 0; t < 3; t++)
        if (runs[i].fd[t] >= 0) owner[count] = i, kind[count] = t, fds[count++] = (struct pollfd){.fd = runs[i].fd[t], .events = POLLIN};
      if (runs[i].in >= 0) owner[count] = i, kind[count] = 3, fds[count++] = (struct pollfd){.fd = runs[i].in, .events = POLLOUT};
    }
    int ready = poll(fds, (nfds_t)count, 250);
    if (ready <= 0) continue;
    if (fds[1].revents) {
      char drain[4096];
      if (read(wake[0], drain, sizeof drain) < 0) { /* nothing to drain */ }
    }
    if (fds[0].revents) {
      if (input_size - input_length < 65536) {
        input_size *= 2;
        char *grown = realloc(input, input_size);
        if (!grown) stop_all();
        input = grown;
      }
      ssize_t got = read(0, input + input_length, input_size - input_length);
      if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN)) stop_all();
      if (got > 0) {
        input_length += (size_t)got;
        parse();
      }
    }
    for (int i = 2; i < count; i++) {
      if (!fds[i].revents) continue;
      Run *run = &runs[owner[i]];
      int t = kind[i];
      if (t == 3) {
        if (run->used && run->in == fds[i].fd) write_stdin(run);
        continue;
      }
      /* An earlier event of this round may have ended the stream or forgotten the run. */
      if (!run->used || run->fd[t] != fds[i].fd) continue;
      ssize_t got = read(run->fd[t], chunk, sizeof chunk);
      if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (got <= 0) {
        end_stream(run, t, 0);
        continue;
      }
      long room = run->cap[t] - run->sent[t];
      if (got > room) {
        if (room > 0) send_frame(TYPES[t], run->id, chunk, (size_t)room);
        run->sent[t] += room;
        end_stream(run, t, 1);
      } else {
        send_frame(TYPES[t], run->id, chunk, (size_t)got);
        run->sent[t] += got;
      }
    }
  }
}
`;

export const JAIL_LAUNCHER_HELPER: NativeHelperSource = { name: 'jail-launcher', source: JAIL_LAUNCHER_C };
