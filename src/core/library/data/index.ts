/** The built-in library: project types and templates, as reviewable data. */
import type { Library, Template } from "../schema";
import { ADMINISTRATION } from "./templates/administration";
import { FACILITIES } from "./templates/facilities";
import { GENERAL } from "./templates/general";
import { INFORMATION } from "./templates/information";
import { PERSONNEL } from "./templates/personnel";
import { SERVICES } from "./templates/services";
import { SOCIAL } from "./templates/social";
import { GENERAL_TYPE, PROJECT_TYPES } from "./types";

export const BUILTIN_TEMPLATES: readonly Template[] = [...ADMINISTRATION, ...PERSONNEL, ...FACILITIES, ...INFORMATION, ...SERVICES, ...SOCIAL, ...GENERAL];

export const BUILTIN_LIBRARY: Library = {
  types: [...PROJECT_TYPES, GENERAL_TYPE],
  templates: [...BUILTIN_TEMPLATES],
};

export { GENERAL_TYPE, PROJECT_TYPES };
