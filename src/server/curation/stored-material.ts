// The version columns that hold some material. An absent rubric, harness or validation is stored
// as SQL NULL (Prisma.DbNull), so saving "no rubric" really clears it.
import { Prisma } from '@/generated/prisma/client';
import type { Material } from './schemas';

const json = (value: object | null) => (value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue));

export function toStoredMaterial(material: Material) {
  return {
    rubric: json(material.rubric),
    harness: json(material.harness),
    harnessSpec: json(material.harnessSpec ?? null),
    modelAnswer: material.modelAnswer,
    starterCode: material.starterCode,
    validation: json(material.validation),
  };
}

// What verbs select from a version to read its material back.
export const storedMaterialSelect = {
  rubric: true,
  harness: true,
  harnessSpec: true,
  modelAnswer: true,
  starterCode: true,
  validation: true,
} satisfies Prisma.QuestionVersionSelect;
