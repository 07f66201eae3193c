'use client';

import { useEffect, useState } from 'react';

// Seconds left until `endsAt` by the server's clock: `serverNow` (when the page was rendered)
// corrects for a browser clock that is off.
export function useMockClock(endsAt: string, serverNow: string): number {
  const [offset] = useState(() => Date.parse(serverNow) - Date.now());
  const left = () => Math.max(0, Math.ceil((Date.parse(endsAt) - (Date.now() + offset)) / 1000));
  const [secondsLeft, setSecondsLeft] = useState(left);
  useEffect(() => {
    const timer = setInterval(() => setSecondsLeft(left()), 500);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [endsAt, offset]);
  return secondsLeft;
}

export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

// What the live region holds: it changes only when a threshold is crossed, so a screen reader
// hears the time-out, one and five minutes left, never every second. Null before the first.
export function clockAnnouncement(seconds: number, minutes: number): string | null {
  if (seconds === 0) return 'Time is up. Your answers so far are being submitted.';
  if (seconds <= 60) return 'One minute left.';
  if (seconds <= 300 && minutes > 5) return 'Five minutes left.';
  return null;
}
