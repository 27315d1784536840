/**
 * Notes (ExcelApi 1.18) for the npm build of the Excel client library, which stops before them
 * (@microsoft/office-js 1.1.110: ExcelApi up to 1.15, no NoteCollection). Written as the library's
 * generated classes are (Comment / CommentCollection in excel-web-16.00.debug.js, members as in
 * @types/office-js), with its own helpers, so that notes go over the wire like everything else:
 * `Workbook.notes` / `Worksheet.notes` are property paths "Notes", `add` / `getItemOrNullObject` /
 * `getLocation` method paths, `content` a SetProperty, each gated on ExcelApi 1.18.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function addNotes(Excel: any, OfficeExtension: any): void {
  if (Excel.NoteCollection) return;
  const B = OfficeExtension.BatchApiHelper;
  const U = OfficeExtension.Utility;
  const gate = (name: string) => U.throwIfApiNotSupported(name, 'ExcelApi', '1.18', 'Excel');
  const notLoaded = (name: string, value: unknown, type: string, isNull: boolean) => U.throwIfNotLoaded(name, value, type, isNull);
  const define = (proto: object, name: string, desc: PropertyDescriptor) => Object.defineProperty(proto, name, { enumerable: true, configurable: true, ...desc });

  class Note extends OfficeExtension.ClientObject {
    [k: string]: any;
  }
  const N = Note.prototype;
  define(N, '_className', { get: () => 'Note' });
  define(N, '_scalarPropertyNames', { get: () => ['authorName', 'content', 'height', 'visible', 'width'] });
  define(N, '_scalarPropertyOriginalNames', { get: () => ['AuthorName', 'Content', 'Height', 'Visible', 'Width'] });
  define(N, '_scalarPropertyUpdateable', { get: () => [false, true, true, true, true] });
  const scalar = (js: string, wire: string, field: string, writable: boolean) =>
    define(N, js, {
      get(this: any) {
        notLoaded(js, this[field], 'Note', this._isNull);
        return this[field];
      },
      set: writable
        ? function (this: any, value: unknown) {
            this[field] = value;
            B.invokeSetProperty(this, wire, value, 0);
          }
        : undefined,
    });
  scalar('authorName', 'AuthorName', '_A', false);
  scalar('content', 'Content', '_C', true);
  scalar('height', 'Height', '_H', true);
  scalar('visible', 'Visible', '_V', true);
  scalar('width', 'Width', '_W', true);
  N.delete = function () {
    gate('Note.delete');
    B.invokeMethod(this, 'Delete', 0, [], 0, 0);
  };
  N.getLocation = function () {
    gate('Note.getLocation');
    return B.createMethodObject(Excel.Range, this, 'GetLocation', 1, [], false, true, null, 4);
  };
  N._handleResult = function (value: any) {
    OfficeExtension.ClientObject.prototype._handleResult.call(this, value);
    if (U.isNullOrUndefined(value)) return;
    U.fixObjectPathIfNecessary(this, value);
    for (const [wire, field] of [['AuthorName', '_A'], ['Content', '_C'], ['Height', '_H'], ['Visible', '_V'], ['Width', '_W']]) if (value[wire] !== undefined) this[field] = value[wire];
  };
  N.load = function (options: unknown) {
    return U.load(this, options);
  };
  N.toJSON = function () {
    return U.toJson(this, { authorName: this._A, content: this._C, height: this._H, visible: this._V, width: this._W }, {});
  };

  class NoteCollection extends OfficeExtension.ClientObject {
    [k: string]: any;
  }
  const C = NoteCollection.prototype;
  define(C, '_className', { get: () => 'NoteCollection' });
  define(C, '_isCollection', { get: () => true });
  define(C, 'items', {
    get(this: any) {
      notLoaded('items', this.m__items, 'NoteCollection', this._isNull);
      return this.m__items;
    },
  });
  C.add = function (cellAddress: unknown, content: unknown) {
    gate('NoteCollection.add');
    return B.createMethodObject(Excel.Note, this, 'Add', 0, [cellAddress, content], false, true, null, 0);
  };
  C.getCount = function () {
    gate('NoteCollection.getCount');
    return B.invokeMethod(this, 'GetCount', 1, [], 4, 0);
  };
  C.getItem = function (key: string) {
    gate('NoteCollection.getItem');
    return B.createIndexerObject(Excel.Note, this, [key]);
  };
  C.getItemAt = function (index: number) {
    gate('NoteCollection.getItemAt');
    return B.createMethodObject(Excel.Note, this, 'GetItemAt', 1, [index], false, false, null, 4);
  };
  C.getItemOrNullObject = function (key: string) {
    gate('NoteCollection.getItemOrNullObject');
    return B.createMethodObject(Excel.Note, this, 'GetItemOrNullObject', 1, [key], false, false, null, 4);
  };
  C._handleResult = function (value: any) {
    OfficeExtension.ClientObject.prototype._handleResult.call(this, value);
    if (U.isNullOrUndefined(value)) return;
    U.fixObjectPathIfNecessary(this, value);
    const data = value[OfficeExtension.Constants.items];
    if (!U.isNullOrUndefined(data)) {
      this.m__items = [];
      for (let i = 0; i < data.length; i++) {
        const item = B.createChildItemObject(Excel.Note, true, this, data[i], i);
        item._handleResult(data[i]);
        this.m__items.push(item);
      }
    }
  };
  C.load = function (options: unknown) {
    return U.load(this, options);
  };
  C.toJSON = function () {
    return U.toJson(this, {}, {}, this.m__items);
  };

  Excel.Note = Note;
  Excel.NoteCollection = NoteCollection;
  for (const owner of [Excel.Workbook, Excel.Worksheet]) {
    define(owner.prototype, 'notes', {
      get(this: any) {
        gate(`${owner.name === 'Workbook' ? 'Workbook' : 'Worksheet'}.notes`);
        if (!this._Notes) this._Notes = B.createPropertyObject(Excel.NoteCollection, this, 'Notes', true, 4);
        return this._Notes;
      },
    });
  }
}
