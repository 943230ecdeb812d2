/** The portal's stylesheet; `--brand` is set per organization. */
export const portalStyles = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,Arial,sans-serif;color:#1b1f24;background:#f6f8fa}
header{background:var(--brand);color:#fff}.bar{max-width:960px;margin:0 auto;padding:12px 20px;display:flex;align-items:center;gap:12px}
.logo{height:32px}.org{font-weight:600;font-size:18px;flex:1}nav{display:flex;gap:16px;align-items:center}nav a{color:#fff}
nav button{background:transparent;border:1px solid #fff;color:#fff;border-radius:6px;padding:4px 10px;cursor:pointer}
main{max-width:960px;margin:24px auto;padding:0 20px}.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:24px;margin-bottom:16px}
.narrow{max-width:420px;margin:40px auto}h1{font-size:22px;margin:0 0 16px}h2{font-size:17px;margin:16px 0 8px}
label{display:block;margin:12px 0 4px;font-weight:500}input,textarea,select{width:100%;padding:8px 10px;border:1px solid #d0d7de;border-radius:6px;font:inherit}
button.primary{margin-top:16px;background:var(--brand);color:#fff;border:0;border-radius:6px;padding:9px 16px;font:inherit;cursor:pointer}
button.secondary{margin-top:16px;background:#fff;color:#1b1f24;border:1px solid #d0d7de;border-radius:6px;padding:8px 14px;font:inherit;cursor:pointer}
.error{color:#b42318;margin-top:12px}.notice{color:#1a7f37;margin-top:12px}.muted{color:#57606a}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:8px;border-bottom:1px solid #eaeef2}td.num,th.num{text-align:right}
.status{display:inline-block;padding:1px 8px;border-radius:10px;background:#eaeef2;font-size:13px}.actions{display:flex;gap:8px;flex-wrap:wrap}
.comment{border-top:1px solid #eaeef2;padding:8px 0}.comment .who{font-weight:600}
.pay{margin:16px 0;display:flex;flex-direction:column;gap:4px;max-width:320px}input.select{width:auto}
`;
