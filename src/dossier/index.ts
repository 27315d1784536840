/** The dossier: model (pure), templates' tags, rendering and zipping (docxtemplater + pizzip). */
export { buildDossier, countsText, type DossierDocument, type DossierModel, type TemplateId } from './model';
export { FactsSchema, mergeFacts, type Facts } from './facts';
export { generateDossier, validateTemplates, zipDossier, ZIP_NAME, type GeneratedFile, type TemplateSet } from './generate';
export { TEMPLATE_FILES, TEMPLATE_TAGS } from './tags';
