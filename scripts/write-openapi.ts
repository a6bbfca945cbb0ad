import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../shared/api/openapi';

const target = new URL('../resources/openapi.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
