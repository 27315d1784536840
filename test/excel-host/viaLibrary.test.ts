/**
 * The host's own tests (host.test.ts, userActions.test.ts) once more, every Excel.run going through
 * Microsoft's Excel client library answered at the wire level: each rule must bite the same way
 * (the same error codes) whether the proxies are called directly or through the wire.
 */
import { ExcelHost } from '../../tools/excel-host/host';
import { excelLibrary } from '../../tools/excel-host/wire/node';

ExcelHost.defaultLibrary = excelLibrary();

describe('through Microsoft’s client library', () => {
  require('./host.test');
  require('./userActions.test');
});
