/** The target-value (指标值) parser and the unit registry. */
export { parseValue } from "./parse";
export type { ParseValueOptions, ValueInput } from "./parse";
export { convertMoney, isMoneyUnit, lookupUnit, matchUnitAtEnd, matchUnitAtStart, moneyFactor, roundFloat } from "./units";
export { suggestSpelling } from "./spelling";
export type { Operator, ParsedValue, UnitDimension, UnitInfo, ValueKind } from "./types";
