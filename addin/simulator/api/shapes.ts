// Worksheet.shapes (ExcelApi 1.9): pictures only, as the add-in places QR codes
// (https://learn.microsoft.com/javascript/api/excel/excel.shapecollection,
// https://learn.microsoft.com/javascript/api/excel/excel.shape).
import { excelError } from '../errors';
import { addImage, checkPoints, deleteShape, type ShapeModel } from '../model/shape-model';
import { refuseOnProtected } from '../model/protection';
import type { SheetModel } from '../model/sheet-model';
import { ClientObject } from '../proxy/client-object';
import { CollectionProxy } from '../proxy/collection';
import { defineProperties } from '../proxy/define-properties';
import type { PropSpec, TypeSchema } from '../proxy/schema';

// A protected sheet's pictures are not changed: the API reference names no option that allows it, so
// the simulator refuses every picture change there (stricter than unsure).
const guard = (s: ShapeModel, member: string): void =>
  refuseOnProtected(s.sheet, `Shape.${member}`, 'pictures');

function points(name: 'left' | 'top' | 'width' | 'height'): PropSpec<ShapeModel> {
  return {
    get: (s) => s[name],
    set: (s, v) => {
      guard(s, name);
      s[name] = checkPoints(v, `Shape.${name}`, name === 'width' || name === 'height');
    },
  };
}

function text(name: 'altTextTitle' | 'altTextDescription'): PropSpec<ShapeModel> {
  return {
    get: (s) => s[name],
    set: (s, v) => {
      guard(s, name);
      if (typeof v !== 'string') throw excelError('InvalidArgument', `Shape.${name}`, 'expected text');
      s[name] = v;
    },
  };
}

/** `Excel.Shape`: the members the simulator keeps (others are refused on load). */
export const SHAPE_SCHEMA: TypeSchema<ShapeModel> = {
  typeName: 'Shape',
  props: {
    id: { get: (s) => s.id },
    type: { get: (s) => s.type },
    name: {
      get: (s) => s.name,
      set: (s, v) => {
        guard(s, 'name');
        if (typeof v !== 'string' || v.trim() === '')
          throw excelError('InvalidArgument', 'Shape.name', 'a shape needs a name');
        s.name = v;
      },
    },
    left: points('left'),
    top: points('top'),
    width: points('width'),
    height: points('height'),
    zOrderPosition: { get: (s) => s.sheet.shapes.indexOf(s) },
    altTextTitle: text('altTextTitle'),
    altTextDescription: text('altTextDescription'),
  },
  isDead: (s) => s.deleted || s.sheet.deleted,
};

/** `Excel.ShapeCollection` of one sheet. */
export const SHAPES_SCHEMA: TypeSchema<SheetModel> = {
  typeName: 'ShapeCollection',
  props: {},
  items: { schema: () => SHAPE_SCHEMA as TypeSchema<never>, list: (s) => s.shapes },
  isDead: (s) => s.deleted,
};

/** The simulator's `Excel.Shape`. */
export class ShapeProxy extends ClientObject<ShapeModel> {
  /** @internal */ readonly _schema = SHAPE_SCHEMA;
  declare readonly id: string;
  declare readonly type: string;
  declare name: string;
  declare left: number;
  declare top: number;
  declare width: number;
  declare height: number;
  declare readonly zOrderPosition: number;
  declare altTextTitle: string;
  declare altTextDescription: string;

  /** Removes the shape from its sheet. */
  delete(): void {
    this._call('delete', [], (s) => {
      guard(s, 'delete');
      deleteShape(s);
    });
  }
}
defineProperties(ShapeProxy, SHAPE_SCHEMA as TypeSchema<never>);

const byKey = (sheet: SheetModel, key: unknown): ShapeModel | undefined =>
  sheet.shapes.find(
    (s) => s.id === key || (typeof key === 'string' && s.name.toLowerCase() === key.toLowerCase()),
  );

/** The simulator's `Excel.ShapeCollection`: `addImage`, lookups, `getCount` and `items`. */
export class ShapeCollectionProxy extends CollectionProxy<SheetModel, ShapeProxy> {
  /** @internal */ readonly _schema = SHAPES_SCHEMA;

  private shape(
    name: string,
    args: readonly unknown[],
    resolve: (sheet: SheetModel, wb: Parameters<typeof addImage>[0]) => ShapeModel | null,
  ): ShapeProxy {
    const [path, binding] = this._methodPath(name, args, resolve);
    return new ShapeProxy(this.context, path, binding);
  }

  /** A picture from a base64 PNG or JPEG, at the sheet's top-left corner at its own size. */
  addImage(base64ImageString: string): ShapeProxy {
    return this.shape('addImage', [base64ImageString], (sheet, wb) =>
      addImage(wb, sheet, base64ImageString, 'ShapeCollection.addImage'),
    );
  }
  /** A shape by name (any case) or id; ItemNotFound at sync when missing. */
  getItem(key: string): ShapeProxy {
    return this.shape('getItem', [key], (sheet) => {
      const s = byKey(sheet, key);
      if (!s) throw excelError('ItemNotFound', 'ShapeCollection.getItem', `no shape named '${key}'`);
      return s;
    });
  }
  /** A shape by name or id, or a null object. */
  getItemOrNullObject(key: string): ShapeProxy {
    return this.shape('getItemOrNullObject', [key], (sheet) => byKey(sheet, key) ?? null);
  }
  /** A shape by position, bottom first. */
  getItemAt(index: number): ShapeProxy {
    return this.shape('getItemAt', [index], (sheet) => {
      const s = sheet.shapes[index];
      if (!s) throw excelError('ItemNotFound', 'ShapeCollection.getItemAt', `no shape at ${index}`);
      return s;
    });
  }
  /** @internal */
  protected _itemProxy(target: unknown): ShapeProxy {
    const s = target as ShapeModel;
    return new ShapeProxy(
      this.context,
      { parent: this, type: 'indexer', name: 'getItem', args: [s.id] },
      { kind: 'fixed', target },
    );
  }
}
defineProperties(ShapeCollectionProxy, SHAPES_SCHEMA as TypeSchema<never>);
