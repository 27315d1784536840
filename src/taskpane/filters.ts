/** The review filters live in src/ui (the ribbon's Kiểm tra nhanh uses them too). */
export * from '../ui/filters';
