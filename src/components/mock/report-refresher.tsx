'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

// While answers are still being graded, the server-rendered report is read again every few seconds.
export function ReportRefresher({ grading }: { grading: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!grading) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [grading, router]);
  return null;
}
