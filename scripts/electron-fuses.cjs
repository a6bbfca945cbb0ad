// electron-builder afterPack hook: flips the Electron fuses of the packaged binary before it is signed.
// The settings are the hardening the security checklist asks for ("Check which fuses you can change").
const { join } = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/** Every fuse of the V1 wire, set on purpose (a fuse Electron adds later fails the build until it is decided). */
const fuses = {
  [FuseV1Options.RunAsNode]: false, // ELECTRON_RUN_AS_NODE cannot turn the app into a Node interpreter
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false, // NODE_OPTIONS is ignored
  [FuseV1Options.EnableNodeCliInspectArguments]: false, // --inspect and friends are ignored
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true, // a modified app.asar does not start
  [FuseV1Options.OnlyLoadAppFromAsar]: true, // no app folder beside the asar is loaded instead
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false, // the app is served from app://, file:// gets nothing extra
  [FuseV1Options.WasmTrapHandlers]: true,
};

function binaryOf(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`, 'Contents', 'MacOS', name);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName);
  }
}

async function afterPack(context) {
  await flipFuses(binaryOf(context), {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
    ...fuses,
  });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuses = fuses;
module.exports.binaryOf = binaryOf;
