export { ExcelHost, MIN_EXCEL_API, MERGES_EXCEL_API, officeApi, toOfficeValue, type ExcelHostOptions, type OfficeApi } from "./host";
export { toHostError } from "./errors";
export { hostMessage } from "./messages";
