import { readFile } from 'node:fs/promises'
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg'
import { PrismaPg } from '@prisma/adapter-pg'
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils'
const unref = process.argv[2] === 'unref'
const wasmUrl = new URL('./schema_engine_bg.wasm', import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg'))
const imports = { ...glue }
const k = Object.keys(glue).find((k) => k.startsWith('__wbg_setTimeout_'))
imports[k] = (cb, ms) => { const t = glue[k](cb, ms); console.error('wasm setTimeout', ms >>> 0); if (unref) t.unref(); return t }
const { instance } = await WebAssembly.instantiate(await readFile(wasmUrl), { './schema_engine_bg.js': imports })
glue.__wbg_set_wasm(instance.exports)
instance.exports.__wbindgen_start?.()
const t0 = Date.now()
const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: 'postgresql://postgres@127.0.0.1:5432/se_proj' }))
const engine = await glue.SchemaEngine.new({ datamodels: undefined }, () => {}, factory)
console.error(await engine.version())
process.on('exit', () => console.error('exit after', Date.now() - t0))
