'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

// Whether the material editor shows edits that are not saved yet. Validate and Publish act on the
// saved material, so while there are such edits they wait: "Validation passed" must never describe
// something other than what is on screen.
const UnsavedMaterialContext = createContext<{ hasUnsaved: boolean; setHasUnsaved: (value: boolean) => void }>({
  hasUnsaved: false,
  setHasUnsaved: () => {},
});

export function UnsavedMaterialProvider({ children }: { children: ReactNode }) {
  const [hasUnsaved, setHasUnsaved] = useState(false);
  return <UnsavedMaterialContext value={{ hasUnsaved, setHasUnsaved }}>{children}</UnsavedMaterialContext>;
}

// Called by the editor on every render; an editor that goes away leaves nothing unsaved behind.
export function useReportUnsavedMaterial(hasUnsaved: boolean) {
  const { setHasUnsaved } = useContext(UnsavedMaterialContext);
  useEffect(() => setHasUnsaved(hasUnsaved), [hasUnsaved, setHasUnsaved]);
  useEffect(() => () => setHasUnsaved(false), [setHasUnsaved]);
}

export function useHasUnsavedMaterial(): boolean {
  return useContext(UnsavedMaterialContext).hasUnsaved;
}
