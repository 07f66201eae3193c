'use client';

import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, indentUnit, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { yaml } from '@codemirror/legacy-modes/mode/yaml';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { useEffect, useRef } from 'react';

const contentAttributes = (value: { label: string; describedBy?: string; invalid?: boolean }) =>
  EditorView.contentAttributes.of({
    'aria-label': value.label,
    ...(value.describedBy ? { 'aria-describedby': value.describedBy } : {}),
    ...(value.invalid ? { 'aria-invalid': 'true' } : {}),
  });

// CodeMirror 6 with Bash, Python or YAML highlighting, line numbers and Tab to indent
// (Escape, then Tab, moves focus on, so keyboard users are never trapped; `describedBy` points
// at the sentence that says so). Token colours come from globals.css (`.tok-*`), light and dark.
export function CodeEditor({
  language,
  initialValue,
  onChange,
  onSubmitShortcut,
  label,
  describedBy,
  invalid,
}: {
  language: 'bash' | 'python' | 'yaml';
  initialValue: string;
  onChange: (value: string) => void;
  // Ctrl/Cmd+Enter inside the editor.
  onSubmitShortcut?: () => void;
  label: string;
  describedBy?: string;
  // The answer was refused (describedBy then names the message too): aria-invalid on the editor.
  invalid?: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  // Label, description and validity change after mount (an error comes and goes): they live in a
  // compartment that is reconfigured rather than remounting the editor.
  const attributes = useRef(new Compartment());
  const onChangeRef = useRef(onChange);
  const onSubmitRef = useRef(onSubmitShortcut);
  useEffect(() => {
    onChangeRef.current = onChange;
    onSubmitRef.current = onSubmitShortcut;
  }, [onChange, onSubmitShortcut]);

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
          syntaxHighlighting(classHighlighter),
          indentUnit.of(language === 'python' ? '    ' : '  '),
          language === 'python' ? python() : StreamLanguage.define(language === 'yaml' ? yaml : shell),
          Prec.highest(
            keymap.of([
              {
                key: 'Mod-Enter',
                run: () => {
                  onSubmitRef.current?.();
                  return true;
                },
              },
            ]),
          ),
          keymap.of([indentWithTab, ...defaultKeymap, ...historyKeymap]),
          attributes.current.of(contentAttributes({ label, describedBy, invalid })),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) onChangeRef.current(update.state.doc.toString());
          }),
          EditorView.theme({
            '&': { fontSize: '13px', minHeight: '18rem', backgroundColor: 'var(--code-bg)', color: 'var(--code-fg)' },
            '.cm-scroller': { fontFamily: 'var(--font-mono)' },
            '.cm-content': { minHeight: '18rem', caretColor: 'var(--code-fg)' },
            '.cm-gutters': { backgroundColor: 'var(--code-gutter-bg)', color: 'var(--code-gutter-fg)', borderRight: '1px solid var(--code-border)' },
            '.cm-activeLine': { backgroundColor: 'var(--code-active-line)' },
            '.cm-activeLineGutter': { backgroundColor: 'var(--code-active-line)' },
            '&.cm-focused .cm-cursor': { borderLeftColor: 'var(--code-fg)' },
            '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--code-selection)' },
          }),
        ],
      }),
    });
    // On a narrow screen the editor scrolls sideways: its scroller takes focus too (axe:
    // scrollable-region-focusable), so a keyboard can scroll it without editing.
    view.scrollDOM.tabIndex = 0;
    view.scrollDOM.setAttribute('aria-label', `${label}, scroll area`);
    viewRef.current = view;
    return () => {
      viewRef.current = null;
      view.destroy();
    };
    // The editor owns its document after mount; a new question or a restored draft remounts it
    // (key on the parent).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: attributes.current.reconfigure(contentAttributes({ label, describedBy, invalid })) });
  }, [label, describedBy, invalid]);

  return (
    <div
      ref={host}
      data-testid="code-editor"
      className="overflow-hidden rounded-lg border border-slate-300 shadow-sm focus-within:border-indigo-500 focus-within:ring-2 focus-within:ring-indigo-500/30 dark:border-slate-700"
    />
  );
}
