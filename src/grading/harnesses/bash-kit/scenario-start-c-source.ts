// The scenario starter and the fast fakes' relay in C: the same program as the Perl starter
// (scenario-start-source.ts with FAST_RELAY_PERL), line for line in behaviour, compiled on the
// host when a C compiler is there (../../sandbox/compile-native-helper.ts). Every Bash scenario
// jail starts one and its relay runs for the whole scenario; in Perl the two cost about 4 ms of
// CPU a jail (interpreter start, compiling the source, the relay's select loop), a good part of
// a Bash grading's eight jails on two cores. It runs as the jail's pid 1 with no more than the
// script it becomes: a bug here gives a candidate nothing the script does not already have.
//
// Same contract: argv "[--no-relay] command…"; connect to the channel (REHEARSE_CHANNEL, else
// the jail's path); unless --no-relay, listen on 127.0.0.1:FAST_RELAY_PORT (any port, exported
// as REHEARSE_RELAY_PORT, when REHEARSE_CHANNEL is set: the benchmark's unjailed runs) and fork
// the relay; read one start line "G xHEX…\n" (at most 1 MiB); exec the command with its
// arguments; failures print a message on stderr and exit 255 (Perl's die exits with errno when
// one is set, else 255: nothing reads the status of a starter that failed), 127 when the exec
// fails. The relay serves one connection at a time: it passes the caller's bytes to a new
// channel connection and the answer back, and gives up on a caller silent for 3 s before its
// request ("ARGC\0" then ARGC fields ending in \0) is complete.
import type { NativeHelperSource } from '../../sandbox/compile-native-helper';
import { JAIL_CHANNEL_PATH } from '../../sandbox/sandbox-driver';
import { FAST_RELAY_PORT } from './fast-fakes-source';

export const SCENARIO_START_C = String.raw`#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#define RELAY_PORT ${FAST_RELAY_PORT}
#define MAX_LINE (1 << 20)
#define CHUNK 65536

static void die(const char *format, ...) {
  va_list args;
  va_start(args, format);
  vfprintf(stderr, format, args);
  va_end(args);
  fputc('\n', stderr);
  exit(255);
}

static const char *channel_path(void) {
  const char *path = getenv("REHEARSE_CHANNEL");
  return path ? path : "${JAIL_CHANNEL_PATH}";
}

/* Perl's truth: unset, "" and "0" are false. */
static int unjailed(void) {
  const char *path = getenv("REHEARSE_CHANNEL");
  return path && *path && strcmp(path, "0") != 0;
}

/* A connected Unix socket, or -1 with errno set; *stage says which call failed. */
static int connect_channel(const char *path, const char **stage) {
  struct sockaddr_un address;
  memset(&address, 0, sizeof address);
  address.sun_family = AF_UNIX;
  if (strlen(path) >= sizeof address.sun_path) {
    *stage = "connect";
    errno = ENAMETOOLONG;
    return -1;
  }
  strcpy(address.sun_path, path);
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    *stage = "socket";
    return -1;
  }
  if (connect(fd, (struct sockaddr *)&address, sizeof address) < 0) {
    int saved = errno;
    close(fd);
    *stage = "connect";
    errno = saved;
    return -1;
  }
  return fd;
}

static int write_all(int fd, const char *data, size_t length) {
  while (length > 0) {
    ssize_t sent = write(fd, data, length);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return 0;
    data += sent;
    length -= (size_t)sent;
  }
  return 1;
}

static char chunk[CHUNK];

static void relay_one(int client, const char *path) {
  const char *stage;
  int up = connect_channel(path, &stage);
  if (up < 0) return;
  int client_open = 1;
  char head[16];
  size_t head_length = 0;
  long argc = -1, nuls = 0;
  for (;;) {
    struct pollfd fds[2] = {{.fd = up, .events = POLLIN}, {.fd = client, .events = POLLIN}};
    int complete = argc >= 0 && nuls > argc;
    int ready = poll(fds, client_open ? 2 : 1, complete ? -1 : 3000);
    if (ready <= 0) break;
    if (fds[0].revents) {
      ssize_t got = read(up, chunk, sizeof chunk);
      if (got <= 0 || !write_all(client, chunk, (size_t)got)) break;
    }
    if (client_open && fds[1].revents) {
      ssize_t got = read(client, chunk, sizeof chunk);
      if (got > 0) {
        for (ssize_t i = 0; i < got; i++) nuls += chunk[i] == 0;
        if (argc < 0 && head_length < sizeof head) {
          size_t take = (size_t)got < sizeof head - head_length ? (size_t)got : sizeof head - head_length;
          memcpy(head + head_length, chunk, take);
          head_length += take;
          size_t digits = 0;
          while (digits < head_length && digits < 10 && head[digits] >= '0' && head[digits] <= '9') digits++;
          if (digits >= 1 && digits <= 9 && digits < head_length && head[digits] == 0) argc = strtol(head, NULL, 10);
        }
        if (!write_all(up, chunk, (size_t)got)) break;
      } else {
        client_open = 0;
        shutdown(up, SHUT_WR);
      }
    }
  }
  close(up);
}

/* Listens before the script exists (its first call finds the relay), forks the relay and returns
   in the parent; the relay closes pid 1's channel connection. */
static void start_fast_relay(const char *path, int channel) {
  int port = unjailed() ? 0 : RELAY_PORT;
  int listener = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listener < 0) return;
  int on = 1;
  setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  struct sockaddr_in address;
  memset(&address, 0, sizeof address);
  address.sin_family = AF_INET;
  address.sin_port = htons((unsigned short)port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(listener, (struct sockaddr *)&address, sizeof address) < 0 || listen(listener, 128) < 0) {
    close(listener);
    return;
  }
  if (!port) {
    socklen_t size = sizeof address;
    if (getsockname(listener, (struct sockaddr *)&address, &size) == 0) {
      char text[8];
      snprintf(text, sizeof text, "%u", (unsigned)ntohs(address.sin_port));
      setenv("REHEARSE_RELAY_PORT", text, 1);
    }
  }
  pid_t pid = fork();
  if (pid != 0) {
    close(listener);
    return;
  }
  close(channel);
  signal(SIGPIPE, SIG_IGN);
  int null = open("/dev/null", O_RDWR);
  if (null >= 0) {
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
    if (null > 2) close(null);
  }
  for (;;) {
    int client = accept4(listener, NULL, NULL, SOCK_CLOEXEC);
    if (client >= 0) {
      relay_one(client, path);
      close(client);
    } else {
      struct timespec pause = {0, 10 * 1000 * 1000};
      nanosleep(&pause, NULL);
    }
  }
}

static int is_hex_field(const char *field) {
  if (field[0] != 'x') return 0;
  size_t length = strlen(field + 1);
  if (length % 2) return 0;
  for (const char *c = field + 1; *c; c++)
    if (!((*c >= '0' && *c <= '9') || (*c >= 'a' && *c <= 'f'))) return 0;
  return 1;
}

static int hex_value(char c) { return c <= '9' ? c - '0' : c - 'a' + 10; }

int main(int argc, char **argv) {
  int first = 1, relay = 1;
  if (first < argc && strcmp(argv[first], "--no-relay") == 0) {
    relay = 0;
    first++;
  }
  if (first >= argc) die("no command");
  const char *path = channel_path();
  const char *stage;
  int channel = connect_channel(path, &stage);
  if (channel < 0) die("%s: %s", stage, strerror(errno));
  if (relay) start_fast_relay(path, channel);

  char *line = malloc(MAX_LINE + CHUNK + 1);
  if (!line) die("out of memory");
  size_t length = 0;
  while (length == 0 || line[length - 1] != '\n') {
    ssize_t got = read(channel, line + length, CHUNK);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) die("the grader closed the channel");
    length += (size_t)got;
    if (length > MAX_LINE) die("the start line is too long");
  }
  line[--length] = 0;
  /* Perl's split / /: drops trailing empty fields, keeps the others. */
  while (length > 0 && line[length - 1] == ' ') line[--length] = 0;
  if (memchr(line, 0, length)) die("not a start line");
  size_t fields = 0;
  for (size_t i = 0; i < length; i++) fields += line[i] == ' ';
  char **command = calloc((size_t)(argc - first) + fields + 1, sizeof *command);
  if (!command) die("out of memory");
  size_t count = 0;
  for (int i = first; i < argc; i++) command[count++] = argv[i];
  char *field = strchr(line, ' ');
  if (field) *field++ = 0;
  if (strcmp(line, "G") != 0) die("not a start line");
  while (field) {
    char *next = strchr(field, ' ');
    if (next) *next++ = 0;
    if (!is_hex_field(field)) die("not a start line");
    /* Decoded in place: two hex digits become one byte, behind the reading position. */
    size_t bytes = strlen(field + 1) / 2;
    for (size_t i = 0; i < bytes; i++) field[i] = (char)(hex_value(field[1 + 2 * i]) * 16 + hex_value(field[2 + 2 * i]));
    field[bytes] = 0;
    command[count++] = field;
    field = next;
  }
  command[count] = NULL;
  close(channel);
  execvp(command[0], command);
  return 127;
}
`;

export const SCENARIO_START_HELPER: NativeHelperSource = { name: 'scenario-start', source: SCENARIO_START_C };
