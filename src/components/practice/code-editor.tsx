'use client';

import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, defaultHighlightStyle, indentUnit, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';

// CodeMirror 6 with Bash or Python highlighting, line numbers and Tab to indent
// (Escape, then Tab, moves focus on, so keyboard users are never trapped).
export function CodeEditor({
  language,
  initialValue,
  onChange,
  label,
}: {
  language: 'bash' | 'python';
  initialValue: string;
  onChange: (value: string) => void;
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    const view = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: initialValue,
        extensions: [
          lineNumbers(),
          history(),
          bracketMatching(),
          highlightActiveLine(),
          syntaxHighlighting(defaultHighlightStyle),
          indentUnit.of(language === 'python' ? '    ' : '  '),
          language === 'python' ? python() : StreamLanguage.define(shell),
          keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
          EditorView.theme({
            '&': { fontSize: '13px', minHeight: '18rem' },
            '.cm-scroller': { fontFamily: 'var(--font-mono)' },
            '.cm-content': { minHeight: '18rem' },
          }),
        ],
      }),
    });
    return () => view.destroy();
    // The editor owns its document after mount; a new question remounts it (key on the parent).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language]);

  return (
    <div
      ref={host}
      data-testid="code-editor"
      className="overflow-hidden rounded-lg border border-slate-300 bg-white text-slate-900 shadow-sm focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/30 dark:border-slate-700"
    />
  );
}
