// Help about keys, shown where there is a keyboard to press them: not on a phone-sized screen, and
// not where the main pointer is a finger (phones held sideways, tablets), so a touch screen is not
// told about Tab, Escape or Ctrl+Enter. Hidden by CSS only, so a hint that describes the editor
// (aria-describedby) is still read by a screen reader, which reads a hidden description too.
export function KeyboardHint({ id, className = '', children }: { id?: string; className?: string; children: React.ReactNode }) {
  return (
    <p id={id} className={`max-sm:hidden pointer-coarse:hidden ${className}`} data-testid="keyboard-hint">
      {children}
    </p>
  );
}
