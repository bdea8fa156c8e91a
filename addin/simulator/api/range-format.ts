import { autofit } from '../model/autofit';
import { setFormat } from '../model/formats';
import { refuseFormatCells, refuseFormatLines } from '../model/protection';
import type { RangeTarget } from '../model/range-target';
import { ClientObject } from '../proxy/client-object';
import { defineProperties } from '../proxy/define-properties';
import { CollectionProxy } from '../proxy/collection';
import type { TypeSchema } from '../proxy/schema';
import { FormatProtectionProxy } from './protection';
import { RANGE_FILL_SCHEMA, RANGE_FONT_SCHEMA, RANGE_FORMAT_SCHEMA } from './range-format-schema';
import { type BorderTarget, RANGE_BORDER_SCHEMA, RANGE_BORDERS_SCHEMA } from './range-border-schema';
import { borderBand } from '../model/borders';

/** `Excel.RangeFont`. */
export class RangeFontProxy extends ClientObject<RangeTarget> {
  /** @internal */ readonly _schema = RANGE_FONT_SCHEMA;
  declare bold: boolean;
  declare italic: boolean;
  declare strikethrough: boolean;
  declare underline: string;
  declare color: string;
  declare size: number;
  declare name: string;
}
defineProperties(RangeFontProxy, RANGE_FONT_SCHEMA as TypeSchema<never>);

/** `Excel.RangeFill`. */
export class RangeFillProxy extends ClientObject<RangeTarget> {
  /** @internal */ readonly _schema = RANGE_FILL_SCHEMA;
  declare color: string;

  /** Removes the fill. */
  clear(): void {
    this._call('clear', [], (t) => {
      refuseFormatCells(t.sheet, 'RangeFill.clear');
      setFormat(t.sheet, 'fill.color', t.rect, undefined);
    });
  }
}
defineProperties(RangeFillProxy, RANGE_FILL_SCHEMA as TypeSchema<never>);

/** `Excel.RangeBorder`. */
export class RangeBorderProxy extends ClientObject<BorderTarget> {
  /** @internal */ readonly _schema = RANGE_BORDER_SCHEMA;
  declare readonly sideIndex: string;
  declare style: string;
  declare color: string;
  declare weight: string;
}
defineProperties(RangeBorderProxy, RANGE_BORDER_SCHEMA as TypeSchema<never>);

/** `Excel.RangeBorderCollection`. */
export class RangeBordersProxy extends CollectionProxy<RangeTarget, RangeBorderProxy> {
  /** @internal */ readonly _schema = RANGE_BORDERS_SCHEMA;
  declare readonly count: number;

  /** One border by index (`EdgeTop`, `InsideHorizontal`…). */
  getItem(index: string): RangeBorderProxy {
    const [path, binding] = this._methodPath('getItem', [index], (t) => {
      borderBand(t.rect, index);
      return { range: t, index };
    });
    return new RangeBorderProxy(this.context, path, binding);
  }

  /** @internal */
  protected _itemProxy(target: unknown): RangeBorderProxy {
    const t = target as BorderTarget;
    return new RangeBorderProxy(
      this.context,
      { parent: this, type: 'indexer', name: 'getItem', args: [t.index] },
      { kind: 'fixed', target },
    );
  }
}
defineProperties(RangeBordersProxy, RANGE_BORDERS_SCHEMA as TypeSchema<never>);

/** `Excel.RangeFormat`. */
export class RangeFormatProxy extends ClientObject<RangeTarget> {
  /** @internal */ readonly _schema = RANGE_FORMAT_SCHEMA;
  declare columnWidth: number;
  declare rowHeight: number;
  declare wrapText: boolean;
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare indentLevel: number;

  get font(): RangeFontProxy {
    return this._child('font', (p, b) => new RangeFontProxy(this.context, p, b));
  }
  get fill(): RangeFillProxy {
    return this._child('fill', (p, b) => new RangeFillProxy(this.context, p, b));
  }
  get borders(): RangeBordersProxy {
    return this._child('borders', (p, b) => new RangeBordersProxy(this.context, p, b));
  }
  get protection(): FormatProtectionProxy {
    return this._child('protection', (p, b) => new FormatProtectionProxy(this.context, p, b));
  }

  /** Sizes columns to their content (estimated from text length: the simulator has no font metrics). */
  autofitColumns(): void {
    this._call('autofitColumns', [], (t) => {
      refuseFormatLines(t.sheet, 'columns', 'RangeFormat.autofitColumns');
      autofit(t, 'columns');
    });
  }

  /** Sizes rows to their content (line count × the default height). */
  autofitRows(): void {
    this._call('autofitRows', [], (t) => {
      refuseFormatLines(t.sheet, 'rows', 'RangeFormat.autofitRows');
      autofit(t, 'rows');
    });
  }
}
defineProperties(RangeFormatProxy, RANGE_FORMAT_SCHEMA as TypeSchema<never>);
