/**
 * Field labels the generic adapter understands, in English, German, French and Spanish, by what they name.
 *
 * Labels are compared whole, after normalising (lower case, accents and trailing ":" or "*" removed, spaces
 * collapsed): "Endkunde:" and "ENDKUNDE" are the same label, "Endkunde Land" is not. A whole-label compare is
 * what keeps a generic reader from taking every sentence with "client" in it for a field.
 *
 * Sources for the vocabulary: the field labels of EspoCRM (i18n en_US Account/Opportunity: "Account",
 * "Billing Address", "Shipping Address"), SuiteCRM (LBL_ACCOUNT_NAME "Account Name:") and Krayin (lead
 * attributes, products tab), the export-control terms of the EAR and the German AWV/BAFA end-use forms
 * (Endverwender, Endverbleib, Empfänger), and common ERP sales-document columns (Artikel, Bezeichnung,
 * Désignation, Artículo).
 *
 * Pure data and a lookup: no DOM.
 */
import type { PartyRole } from '../../model';

export type LabelKind =
  | 'customer'
  | 'end-user'
  | 'intermediary'
  | 'owner'
  | 'address'
  | 'country'
  | 'product'
  | 'description'
  | 'text'
  | 'title';

/** Written without accents: labels are normalised the same way before lookup. */
const LABELS: Record<LabelKind, readonly string[]> = {
  customer: [
    // English (EspoCRM "Account", SuiteCRM "Account Name", ERP "Sold-to party")
    'account',
    'account name',
    'customer',
    'customer name',
    'client',
    'client name',
    'company',
    'company name',
    'organization',
    'organisation',
    'organization name',
    'organisation name',
    'buyer',
    'purchaser',
    'sold to',
    'sold-to',
    'sold-to party',
    // German
    'kunde',
    'kunden',
    'kundenname',
    'name des kunden',
    'auftraggeber',
    'firma',
    'firmenname',
    'unternehmen',
    'kaufer',
    'besteller',
    // French
    'nom du client',
    'compte',
    'nom du compte',
    'societe',
    'entreprise',
    'acheteur',
    "donneur d'ordre",
    // Spanish
    'cliente',
    'nombre del cliente',
    'cuenta',
    'nombre de la cuenta',
    'empresa',
    'compania',
    'organizacion',
    'comprador',
  ],
  'end-user': [
    'end user',
    'end users',
    'end-user',
    'enduser',
    'end customer',
    'end-customer',
    'final user',
    'final customer',
    'ultimate consignee',
    'ultimate end user',
    'endkunde',
    'endverwender',
    'endnutzer',
    'endbenutzer',
    'endanwender',
    'endempfanger',
    'utilisateur final',
    'client final',
    'destinataire final',
    'usuario final',
    'cliente final',
    'destinatario final',
  ],
  intermediary: [
    'partner',
    'partners',
    'primary partner',
    'channel partner',
    'sales partner',
    'distributor',
    'distributors',
    'reseller',
    'resellers',
    'value-added reseller',
    'var',
    'intermediary',
    'intermediate consignee',
    'consignee',
    'forwarder',
    'freight forwarder',
    'agent',
    'integrator',
    'system integrator',
    'handler',
    'vertriebspartner',
    'wiederverkaufer',
    'zwischenhandler',
    'spediteur',
    'empfanger',
    'warenempfanger',
    'distributeur',
    'revendeur',
    'partenaire',
    'intermediaire',
    'transitaire',
    'destinataire',
    'distribuidor',
    'revendedor',
    'socio',
    'socio comercial',
    'intermediario',
    'transitario',
    'consignatario',
    'agente',
  ],
  owner: [
    'parent account',
    'parent company',
    'ultimate parent',
    'muttergesellschaft',
    'societe mere',
    'maison mere',
    'empresa matriz',
    'casa matriz',
  ],
  address: [
    'address',
    'billing address',
    'shipping address',
    'mailing address',
    'delivery address',
    'ship to',
    'ship-to',
    'ship to address',
    'ship-to address',
    'deliver to',
    'bill to',
    'bill-to',
    'site address',
    'destination address',
    'adresse',
    'anschrift',
    'lieferadresse',
    'lieferanschrift',
    'rechnungsadresse',
    'rechnungsanschrift',
    'versandadresse',
    'lieferung an',
    'lieferort',
    'adresse de livraison',
    'adresse de facturation',
    "adresse d'expedition",
    'livrer a',
    'lieu de livraison',
    'direccion',
    'direccion de envio',
    'direccion de entrega',
    'direccion de facturacion',
    'enviar a',
    'lugar de entrega',
    'domicilio',
  ],
  country: [
    'country',
    'destination',
    'destination country',
    'country of destination',
    'ship to country',
    'ship-to country',
    'shipping country',
    'billing country',
    'end user country',
    'end-use country',
    'country of end use',
    'land',
    'bestimmungsland',
    'zielland',
    'lieferland',
    'empfangerland',
    'land des endverbleibs',
    'pays',
    'pays de destination',
    'pays de livraison',
    "pays de l'utilisateur final",
    'pais',
    'pais de destino',
    'pais de entrega',
    'pais de envio',
  ],
  product: [
    'product',
    'products',
    'product name',
    'item',
    'items',
    'item name',
    'line item',
    'line items',
    'article',
    'model',
    'goods',
    'produkt',
    'produkte',
    'produktname',
    'artikel',
    'artikelname',
    'artikelbezeichnung',
    'ware',
    'waren',
    'bezeichnung',
    'produit',
    'produits',
    'nom du produit',
    'designation',
    'modele',
    'producto',
    'productos',
    'nombre del producto',
    'articulo',
    'articulos',
    'modelo',
  ],
  description: [
    'line description',
    'product description',
    'item description',
    'produktbeschreibung',
    'artikelbeschreibung',
    'description du produit',
    'descripcion del producto',
  ],
  text: [
    'description',
    'notes',
    'note',
    'comments',
    'next step',
    'purpose',
    'intended use',
    'end use',
    'end-use',
    'application',
    'beschreibung',
    'notizen',
    'notiz',
    'bemerkungen',
    'kommentar',
    'kommentare',
    'verwendungszweck',
    'endverwendung',
    'einsatzzweck',
    'nachster schritt',
    'remarques',
    'commentaires',
    'utilisation finale',
    'usage final',
    'utilisation prevue',
    'prochaine etape',
    'descripcion',
    'notas',
    'comentarios',
    'observaciones',
    'uso final',
    'uso previsto',
    'proximo paso',
  ],
  title: [
    'opportunity',
    'opportunity name',
    'deal',
    'deal name',
    'deal title',
    'quote',
    'quote name',
    'quote number',
    'subject',
    'verkaufschance',
    'name der verkaufschance',
    'angebot',
    'angebotsname',
    'angebotsnummer',
    'auftrag',
    'betreff',
    'opportunite',
    "nom de l'opportunite",
    'affaire',
    "nom de l'affaire",
    'devis',
    'numero de devis',
    'objet',
    'oportunidad',
    'nombre de la oportunidad',
    'negocio',
    'nombre del negocio',
    'presupuesto',
    'cotizacion',
    'oferta',
    'asunto',
    // A record's plain "Name" (EspoCRM opportunity layout) and its translations: a title when nothing better.
    'name',
    'title',
    'titel',
    'nom',
    'titre',
    'nombre',
    'titulo',
  ],
};

/** Tails allowed after a party label in English ("End User Name", "Distributor Account"). */
const PARTY_TAILS = ['name', 'account', 'company', 'organization', 'organisation'];

const BY_LABEL = new Map<string, LabelKind>();
for (const [kind, labels] of Object.entries(LABELS) as [LabelKind, readonly string[]][]) {
  for (const l of labels) {
    if (!BY_LABEL.has(l)) BY_LABEL.set(l, kind);
    if (kind === 'end-user' || kind === 'intermediary' || kind === 'owner')
      for (const t of PARTY_TAILS) if (!BY_LABEL.has(`${l} ${t}`)) BY_LABEL.set(`${l} ${t}`, kind);
  }
}

/** Longest label we know, in characters: longer text is never a label (a cheap first filter). */
export const MAX_LABEL_LENGTH = Math.max(...[...BY_LABEL.keys()].map((k) => k.length)) + 12;

const MARKS = /[\u0300-\u036f]/g;
const EDGES = /^[\s*•·\-–—]+|[\s*:：.\-–—]+$/g;
const PAREN_TAIL = /\s*\([^)]*\)$/;

/** Lower case, no accents, no trailing colon/asterisk or "(optional)", one space between words. */
export function normalizeLabelText(s: string): string {
  let t = s.toLowerCase();
  // Skip the Unicode work for plain ASCII, the common case on a big page.
  if (/[^\x20-\x7e]/.test(t))
    t = t
      .normalize('NFD')
      .replace(MARKS, '')
      .replace(/[\s\u00a0\u200b]+/g, ' ');
  else if (/\s\s|[\t\n\r]/.test(t)) t = t.replace(/\s+/g, ' ');
  t = t.replace(EDGES, '');
  if (t.endsWith(')')) t = t.replace(PAREN_TAIL, '').replace(EDGES, '');
  return t.replace(/’/g, "'");
}

/** What a whole label names, or null. `text` is raw page text; it is normalised here. */
export function labelKind(text: string): LabelKind | null {
  if (text.length > MAX_LABEL_LENGTH) return null;
  return BY_LABEL.get(normalizeLabelText(text)) ?? null;
}

export function partyRoleOf(kind: LabelKind): PartyRole | null {
  switch (kind) {
    case 'customer':
      return 'customer';
    case 'end-user':
      return 'end-user';
    case 'intermediary':
      return 'intermediary';
    case 'owner':
      return 'other';
    default:
      return null;
  }
}

/**
 * A heading that says "this is a deal": a sales-document word first, then a name or number
 * ("Opportunity: Border Upgrade", "Angebot AN-2024-0117", "Devis n° 31", "Presupuesto #88").
 */
const DEAL_HEADING =
  /^(?:opportunity|deal|quote|quotation|sales order|order|proposal|offer|verkaufschance|angebot|auftrag|kundenauftrag|opportunite|affaire|devis|offre|commande|oportunidad|negocio|presupuesto|cotizacion|oferta|pedido)(?:\s*[:#№—–-]|\s+(?:n[o°º]\.?\s*)?[\p{L}\p{N}])/u;

/** The page kind a deal heading implies, or null when the heading is not deal-like. */
export function dealHeadingKind(heading: string): 'opportunity' | 'quote' | 'deal' | null {
  const t = normalizeLabelText(heading);
  const m = DEAL_HEADING.exec(t);
  if (!m) return null;
  if (/^(?:quot|offer|proposal|angebot|devis|offre|presupuesto|cotizacion|oferta)/.test(t)) return 'quote';
  if (/^(?:opportunit|verkaufschance|oportunidad)/.test(t)) return 'opportunity';
  return 'deal';
}
