/** The shared DOM helper lives in src/ui (the ribbon and the save page use it too). */
export * from '../ui/dom';
