// CSV text to DataFrames (docs/api.md "DataFrames"), bounded so that a hostile or mistaken file cannot
// take the tab's memory: the console is for files up to MAX_BYTES; larger ones go through bin/sml.
export const MAX_BYTES = 64 * 1024 * 1024;
export const MAX_COLUMNS = 4096;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A chosen file's CSV, refused by its size before the browser reads it into memory. */
export async function readCsvFile(file) {
  if (file.size > MAX_BYTES) throw new Error(`${file.name} is larger than ${MAX_BYTES / 1048576} MB; use bin/sml for larger files`);
  return parseCsv(await file.text());
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text) {
  if (text.length > MAX_BYTES) throw new Error(`The CSV is larger than ${MAX_BYTES / 1048576} MB; use bin/sml for larger files`);
  const records = [];
  let record = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      if (record.length > 1 || record[0] !== '') records.push(record);
      record = []; field = '';
    } else field += c;
    if (record.length > MAX_COLUMNS) throw new Error(`Record ${records.length + 1} has more than ${MAX_COLUMNS} columns`);
  }
  if (quoted) throw new Error('The CSV ends inside a quoted field');
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  if (records.length < 2) throw new Error('The CSV needs a header line and at least one row');
  const [names, ...rows] = records;
  rows.forEach((row, k) => {
    if (row.length !== names.length) throw new Error(`Row ${k + 1} has ${row.length} fields, the header ${names.length}`);
  });
  return { names: names.map(n => n.trim()), rows };
}

/** C for a column whose every non-empty value is a number, T (a category) otherwise. */
export function inferTypes({ names, rows }) {
  return names.map((_, column) => rows.every(row => row[column].trim() === '' || NUMBER.test(row[column].trim())) ? 'C' : 'T');
}

export function dataFrame(names, types, rows) {
  return JSON.stringify({ attributeNames: names, attributeTypes: types, data: rows });
}
