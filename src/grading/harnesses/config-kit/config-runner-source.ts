// The in-jail runner of the configuration kit (docs/decisions/019), kept as a string so the
// grader needs no file lookups at run time. The answer is data, not code: this runner parses it
// with PyYAML's safe loader after refusing what could make parsing or checking blow up (too many
// nodes, nesting, aliases, an alias expansion past a node budget, an alias inside itself,
// duplicate keys), then calls the question's checks (/harness/checker.py) one by one and prints
// one JSON line: {"t": "checks", "results": [{"id", "ok", "detail"}]}, or {"t": "refused"} when
// the YAML cannot be checked (the candidate's error), or {"t": "broken"} (ours). The grader holds
// the check names and reasons and judges the line; nothing here decides what a check is called.
export const CONFIG_RUNNER_PY = String.raw`import sys
# -S leaves Debian's dist-packages (python3-yaml) off the path; it is the only one we add.
sys.path.append('/usr/lib/python3/dist-packages')
import json, os


def emit(message):
    sys.stdout.write(json.dumps(message) + '\n')
    sys.stdout.flush()


try:
    import yaml
except ImportError as error:
    emit({'t': 'broken', 'message': 'PyYAML is not importable (install python3-yaml): ' + str(error)})
    sys.exit(3)

HERE = os.path.dirname(sys.argv[1])
with open(sys.argv[1]) as f:
    CONFIG = json.load(f)
LIMITS = CONFIG['limits']
# libyaml's parser when present (fast, and not recursive); the pure-Python one otherwise.
Loader = getattr(yaml, 'CSafeLoader', None) or yaml.SafeLoader
DETAIL_CAP = 300


class Refused(Exception):
    pass


def where(mark):
    return 'line %d, column %d' % (mark.line + 1, mark.column + 1) if mark else 'somewhere'


def scan_events(text):
    # Counted on the event stream before any tree exists: a deep or huge document is refused
    # without building it (the composer recurses once per level).
    events = depth = aliases = 0
    starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    for event in yaml.parse(text, Loader=Loader):
        events += 1
        if events > LIMITS['events']:
            raise Refused('the YAML has more than %d nodes' % LIMITS['events'])
        if isinstance(event, starts):
            depth += 1
            if depth > LIMITS['depth']:
                raise Refused('%s: the YAML is nested more than %d levels deep' % (where(event.start_mark), LIMITS['depth']))
        elif isinstance(event, ends):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > LIMITS['aliases']:
                raise Refused('%s: the YAML uses more than %d aliases' % (where(event.start_mark), LIMITS['aliases']))


def children(node):
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def check_graph(roots):
    # The size of every document with each alias expanded where it is used, counted once per node
    # (memoised), so "a billion laughs" is refused after a few thousand steps. An alias to a node
    # that contains it would make the expansion endless: refused too. Duplicate keys are refused
    # as kubectl and GitHub Actions refuse them (PyYAML would silently keep the last one).
    sizes, on_path = {}, set()
    budget = LIMITS['expandedNodes']
    for root in roots:
        stack = [(root, False)]
        while stack:
            node, done = stack.pop()
            key = id(node)
            if done:
                on_path.discard(key)
                total = 1 + sum(sizes[id(child)] for child in children(node))
                if total > budget:
                    raise Refused('%s: with its aliases expanded the YAML has more than %d nodes' % (where(node.start_mark), budget))
                sizes[key] = total
                continue
            if key in sizes:
                continue
            if key in on_path:
                raise Refused('%s: an alias refers to a node that contains it' % where(node.start_mark))
            if isinstance(node, yaml.MappingNode):
                seen = set()
                for name, _ in node.value:
                    if isinstance(name, yaml.ScalarNode) and name.tag != 'tag:yaml.org,2002:merge':
                        if name.value in seen:
                            raise Refused('%s: the key "%s" appears twice in one mapping' % (where(name.start_mark), name.value[:60]))
                        seen.add(name.value)
            on_path.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children(node) if id(child) not in sizes)


def load_documents(text):
    scan_events(text)
    loader = Loader(text)
    try:
        roots = []
        while loader.check_node():
            roots.append(loader.get_node())
        check_graph(roots)
        try:
            documents = [loader.construct_document(root) for root in roots]
        except (yaml.YAMLError, RecursionError):
            raise
        except (KeyError, IndexError, AttributeError):
            # PyYAML's safe constructors fail this way on some explicitly tagged scalars
            # (!!bool maybe, !!int "", !!int "-", !!timestamp now): a value that cannot be
            # read, like 2024-13-45, not a broken checker.
            raise ValueError('a value with an explicit tag (such as !!bool, !!int or !!timestamp) is not of that type')
    finally:
        loader.dispose()
    return [document for document in documents if document is not None]


# ---------------------------------------------------------------- helpers for the checkers

CHECKS = {}


def check(check_id):
    def register(function):
        CHECKS[check_id] = function
        return function
    return register


def dig(value, *path):
    # value[path[0]][path[1]]..., or None where a step is missing or of the wrong type.
    for step in path:
        if isinstance(step, int) and isinstance(value, list) and -len(value) <= step < len(value):
            value = value[step]
        elif isinstance(step, str) and isinstance(value, dict) and step in value:
            value = value[step]
        else:
            return None
    return value


def of_kind(documents, kind):
    return [d for d in documents if isinstance(d, dict) and d.get('kind') == kind]


def as_list(value):
    return value if isinstance(value, list) else []


def shown(value):
    # A value from the answer, short, for a message.
    text = json.dumps(value, default=str) if isinstance(value, (str, int, float, bool, type(None))) else type(value).__name__
    return text if len(text) <= 60 else text[:57] + '...'


BACKTICK = chr(96)
EXPR_OPEN = '$' + '{{'


def shell_parse(script):
    # A shell script, read as far as a checker needs: statements (split at ;, & and newlines), each
    # a chain of (operator, pipeline), the operator before it (None, '&&' or '||') and its commands
    # (split at |), each a list of words with quotes removed. $(...), backticks and GitHub's
    # expressions stay inside their word; comments are dropped. Not a shell: nothing is expanded,
    # and if/then/fi are words like any other.
    text = str(script).replace('\\\r\n', '').replace('\\\n', '')
    statements, chain, pipeline, words = [], [], [], []
    state = {'word': None, 'op': None}

    def add(part):
        state['word'] = (state['word'] or '') + part

    def end_word():
        if state['word'] is not None:
            words.append(state['word'])
            state['word'] = None

    def end_command():
        end_word()
        if words:
            pipeline.append(list(words))
            del words[:]

    def end_pipeline(operator):
        end_command()
        if pipeline:
            chain.append((state['op'], list(pipeline)))
            del pipeline[:]
        state['op'] = operator

    def end_statement():
        end_pipeline(None)
        if chain:
            statements.append(list(chain))
            del chain[:]

    def closing(start, opening, closer):
        # The index just past the closer that matches the opening at start.
        depth, j = 0, start
        while j < len(text):
            if text.startswith(opening, j):
                depth += 1
                j += len(opening)
            elif text.startswith(closer, j):
                depth -= 1
                j += len(closer)
                if depth == 0:
                    return j
            else:
                j += 1
        return len(text)

    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith(EXPR_OPEN, i):
            j = text.find('}}', i)
            j = n if j < 0 else j + 2
            add(text[i:j])
            i = j
        elif text.startswith('$(', i):
            j = closing(i + 1, '(', ')')
            add(text[i:j])
            i = j
        elif c == BACKTICK:
            j = text.find(BACKTICK, i + 1)
            j = n if j < 0 else j + 1
            add(text[i:j])
            i = j
        elif c == "'":
            j = text.find("'", i + 1)
            j = n if j < 0 else j
            add(text[i + 1:j])
            i = j + 1
        elif c == '"':
            j, part = i + 1, ''
            while j < n and text[j] != '"':
                if text.startswith('$(', j):
                    k = closing(j + 1, '(', ')')
                    part += text[j:k]
                    j = k
                elif text[j] == '\\' and j + 1 < n and text[j + 1] in '"\\$' + BACKTICK:
                    part += text[j + 1]
                    j += 2
                else:
                    part += text[j]
                    j += 1
            add(part)
            i = j + 1
        elif c == '\\' and i + 1 < n:
            add(text[i + 1])
            i += 2
        elif c in ' \t\r':
            end_word()
            i += 1
        elif c == '#' and state['word'] is None:
            j = text.find('\n', i)
            i = n if j < 0 else j
        elif c in '<>':
            # Redirections stay words: 2>&1, >/dev/null, &> below.
            j = i + 1
            while j < n and text[j] in '<>&':
                j += 1
            add(text[i:j])
            i = j
        elif text.startswith('&>', i):
            add('&>')
            i += 2
        elif text.startswith('&&', i):
            end_pipeline('&&')
            i += 2
        elif text.startswith('||', i):
            end_pipeline('||')
            i += 2
        elif c == '|':
            end_command()
            i += 1
        elif c in '\n;&':
            end_statement()
            i += 1
        else:
            add(c)
            i += 1
    end_statement()
    return statements


def run_checks(documents):
    results = []
    for check_id in CONFIG['checks']:
        function = CHECKS.get(check_id)
        if function is None:
            emit({'t': 'broken', 'message': 'the checker defines no check "%s"' % check_id})
            sys.exit(3)
        try:
            ok, detail = function(documents)
            results.append({'id': check_id, 'ok': ok is True, 'detail': str(detail)[:DETAIL_CAP]})
        except Exception as error:
            results.append({'id': check_id, 'ok': False, 'error': (type(error).__name__ + ': ' + str(error))[:DETAIL_CAP]})
    return results


def wait_for_claim(channel_path):
    # A pre-started jail (warm-config-jail.ts): PyYAML and the checker are loaded; answer.yaml is
    # in /harness once the grader's one line has come.
    import socket
    channel = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    channel.connect(channel_path)
    line = b''
    while not line.endswith(b'\n'):
        chunk = channel.recv(64)
        if not chunk:
            sys.exit(3)
        line += chunk
    channel.close()


def main():
    helpers = {'check': check, 'dig': dig, 'of_kind': of_kind, 'as_list': as_list, 'shown': shown, 'shell_parse': shell_parse, '__name__': 'checker'}
    with open(os.path.join(HERE, 'checker.py')) as f:
        exec(compile(f.read(), 'checker.py', 'exec'), helpers)
    if sys.argv[2:3] == ['--warm']:
        wait_for_claim(sys.argv[3])
    with open(os.path.join(HERE, 'answer.yaml'), encoding='utf-8', errors='replace') as f:
        text = f.read()
    try:
        documents = load_documents(text)
    except Refused as refused:
        emit({'t': 'refused', 'message': str(refused)})
        return
    except yaml.YAMLError as error:
        emit({'t': 'refused', 'message': 'the YAML does not parse: ' + ' '.join(str(error).split())[:400]})
        return
    except RecursionError:
        emit({'t': 'refused', 'message': 'the YAML is nested too deeply'})
        return
    except (ValueError, TypeError, OverflowError) as error:
        # A scalar the safe constructor cannot turn into a value (a date like 2024-13-45).
        emit({'t': 'refused', 'message': 'the YAML has a value that cannot be read: ' + str(error)[:200]})
        return
    if not documents:
        emit({'t': 'refused', 'message': 'the YAML holds no document'})
        return
    emit({'t': 'checks', 'results': run_checks(documents)})


main()
`;
