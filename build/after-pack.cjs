// electron-builder afterPack hook: flip Electron's fuses in the packed binary, before signing.
// RunAsNode, NODE_OPTIONS and --inspect off (no turning the app into a general Node runtime),
// cookie encryption on, load the app only from the (integrity-checked) asar.
// strictlyRequireAllFuses makes an Electron upgrade that adds a fuse fail the build until
// someone decides its value here.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const ARM64 = 3; // electron-builder's Arch.arm64

/** The Electron executable electron-builder produced, mirroring its own lookup. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const ext = { darwin: '.app', mas: '.app', win32: '.exe', linux: '' }[electronPlatformName] ?? '';
  const name = electronPlatformName === 'linux' ? packager.executableName : packager.appInfo.productFilename;
  return path.join(appOutDir, `${name}${ext}`);
}

/** A stub dist (scripts/stub-electron-dist.sh) has a shell script where Electron would be. */
function isStub(binary) {
  if (process.env.SIGNIN_STUB_ELECTRON === '1') return true;
  try {
    return readFileSync(binary).subarray(0, 2).toString() === '#!';
  } catch {
    return false; // a directory (.app bundle) or unreadable: let flipFuses report it
  }
}

/** @param {import('app-builder-lib').AfterPackContext} context */
async function afterPack(context) {
  const binary = electronBinaryPath(context);
  if (isStub(binary)) {
    console.log('after-pack: stub Electron (package check) — fuses not flipped');
    return;
  }
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses');
  await flipFuses(binary, {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === ARM64,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // No V8 snapshot of our own; and the renderer never uses file://.
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
  console.log(`after-pack: fuses flipped in ${path.basename(binary)}`);
}

exports.default = afterPack;
// For tests.
exports.electronBinaryPath = electronBinaryPath;
exports.isStub = isStub;
