// The CPU stall a busy-host wall limit is stretched by, read from /proc/pressure/cpu.
import { describe, expect, it } from 'vitest';
import { parseCpuStallMs } from '@/grading/sandbox/host-cpu-stall';

describe('parseCpuStallMs', () => {
  it('reads the "some" total (microseconds) as milliseconds', () => {
    const text = 'some avg10=1.65 avg60=36.82 avg300=44.09 total=11003086259\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n';
    expect(parseCpuStallMs(text)).toBe(11_003_086.259);
  });

  it('is null without pressure information (no file, or a kernel without PSI)', () => {
    expect(parseCpuStallMs('')).toBeNull();
    expect(parseCpuStallMs('full avg10=0.00 avg60=0.00 avg300=0.00 total=12\n')).toBeNull();
  });
});
