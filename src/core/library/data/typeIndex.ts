import type { ProjectType } from "../schema";
import { GENERAL_TYPE, PROJECT_TYPES } from "./types";

/** The built-in project type with this id (data files use it; an unknown id is a programming error). */
export function typeById(id: string): ProjectType {
  if (id === GENERAL_TYPE.id) return GENERAL_TYPE;
  const t = PROJECT_TYPES.find((x) => x.id === id);
  if (!t) throw new Error(`unknown project type ${id}`);
  return t;
}
