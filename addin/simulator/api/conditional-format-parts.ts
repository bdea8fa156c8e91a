import type { Binding, PathSpec } from '../proxy/client-object';
import { ClientObject } from '../proxy/client-object';
import type { SimRequestContext } from '../proxy/context';
import { defineProperties } from '../proxy/define-properties';
import type { TypeSchema } from '../proxy/schema';
import {
  CF_FILL_SCHEMA,
  CF_FONT_SCHEMA,
  CF_FORMAT_SCHEMA,
  CF_RULE_SCHEMA,
  type CfTarget,
  CUSTOM_CF_SCHEMA,
} from './conditional-format-schema';

/** `Excel.ConditionalRangeFill`. */
export class ConditionalRangeFillProxy extends ClientObject<CfTarget> {
  /** @internal */ readonly _schema = CF_FILL_SCHEMA;
  declare color: string;
  /** Removes the fill from the format. */
  clear(): void {
    this._call('clear', [], (t) => void delete t.cf.format.fillColor);
  }
}
defineProperties(ConditionalRangeFillProxy, CF_FILL_SCHEMA as TypeSchema<never>);

/** `Excel.ConditionalRangeFont`. */
export class ConditionalRangeFontProxy extends ClientObject<CfTarget> {
  /** @internal */ readonly _schema = CF_FONT_SCHEMA;
  declare color: string;
  declare bold: boolean;
  declare italic: boolean;
  declare strikethrough: boolean;
  declare underline: string;
}
defineProperties(ConditionalRangeFontProxy, CF_FONT_SCHEMA as TypeSchema<never>);

/** `Excel.ConditionalRangeFormat`. */
export class ConditionalRangeFormatProxy extends ClientObject<CfTarget> {
  /** @internal */ readonly _schema = CF_FORMAT_SCHEMA;
  declare numberFormat: string;
  get fill(): ConditionalRangeFillProxy {
    return this._child('fill', (p, b) => new ConditionalRangeFillProxy(this.context, p, b));
  }
  get font(): ConditionalRangeFontProxy {
    return this._child('font', (p, b) => new ConditionalRangeFontProxy(this.context, p, b));
  }
}
defineProperties(ConditionalRangeFormatProxy, CF_FORMAT_SCHEMA as TypeSchema<never>);

/** `Excel.ConditionalFormatRule`. */
export class ConditionalFormatRuleProxy extends ClientObject<CfTarget> {
  /** @internal */ readonly _schema = CF_RULE_SCHEMA;
  declare formula: string;
  declare formulaLocal: string;
}
defineProperties(ConditionalFormatRuleProxy, CF_RULE_SCHEMA as TypeSchema<never>);

/** `Excel.CustomConditionalFormat`. */
export class CustomConditionalFormatProxy extends ClientObject<CfTarget> {
  /** @internal */ readonly _schema = CUSTOM_CF_SCHEMA;
  get rule(): ConditionalFormatRuleProxy {
    return this._child('rule', (p, b) => new ConditionalFormatRuleProxy(this.context, p, b));
  }
  get format(): ConditionalRangeFormatProxy {
    return this._child('format', (p, b) => new ConditionalRangeFormatProxy(this.context, p, b));
  }
}

/** `Excel.CellValueConditionalFormat` and `Excel.TextConditionalFormat`: a rule object and a format. */
export class RuleConditionalFormatProxy extends ClientObject<CfTarget> {
  constructor(
    context: SimRequestContext,
    path: PathSpec,
    binding: Binding,
    readonly _schema: TypeSchema<CfTarget>,
  ) {
    super(context, path, binding);
  }
  get rule(): Record<string, unknown> {
    return this._read('rule');
  }
  set rule(v: Record<string, unknown>) {
    this._write('rule', v);
  }
  get format(): ConditionalRangeFormatProxy {
    return this._child('format', (p, b) => new ConditionalRangeFormatProxy(this.context, p, b));
  }
}
