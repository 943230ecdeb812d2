/**
 * The portal's stylesheet; `--brand` is set per organization. Tables become stacked cards on a phone (each cell
 * shows its column's name), nothing is wider than the screen at 320 px, and a print stylesheet keeps the document
 * and the statement on paper without the menu and the buttons.
 */
export const portalStyles = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,Arial,sans-serif;color:#1b1f24;background:#f6f8fa;overflow-wrap:anywhere}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip{position:absolute;left:8px;top:-40px;background:#fff;color:#1b1f24;padding:6px 10px;border-radius:6px;z-index:1}.skip:focus{top:8px}
header{background:var(--brand);color:#fff}.bar{max-width:960px;margin:0 auto;padding:10px 16px;display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px}
.logo{height:32px;max-width:120px;object-fit:contain}.org{font-weight:600;font-size:18px;flex:1 1 auto;color:#fff;text-decoration:none;min-width:0}
nav{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center}nav a{color:#fff}
header button,header select{background:transparent;border:1px solid #fff;color:#fff;border-radius:6px;padding:4px 10px;font:inherit;cursor:pointer}
header select option{color:#1b1f24}
main{max-width:960px;margin:16px auto;padding:0 12px}.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px;margin-bottom:16px}
@media (min-width:641px){main{margin:24px auto;padding:0 20px}.card{padding:24px}}
.narrow{max-width:440px;margin:24px auto}h1{font-size:22px;margin:0 0 16px}h2{font-size:17px;margin:20px 0 8px}
.field{margin:12px 0}label{display:block;margin:0 0 4px;font-weight:500}.hint{margin:0 0 4px;color:#57606a;font-size:13px}
input,textarea,select{width:100%;max-width:100%;padding:8px 10px;border:1px solid #6e7781;border-radius:6px;font:inherit;background:#fff;color:#1b1f24}
input[type=checkbox]{width:20px;height:20px}
button,.button{font:inherit;cursor:pointer;border-radius:6px;padding:9px 16px;display:inline-block;text-decoration:none}
button.primary,.button{margin-top:12px;background:var(--brand);color:#fff;border:0}button.secondary{margin-top:12px;background:#fff;color:#1b1f24;border:1px solid #6e7781}
button:disabled{background:#eaeef2;color:#57606a;border:1px solid #d0d7de;cursor:not-allowed}
.error{color:#b42318;margin:8px 0 0}.error:empty{display:none}.notice{color:#116329;margin-top:12px}.muted{color:#57606a}
.filters{display:flex;flex-wrap:wrap;gap:0 12px;align-items:flex-end}.filters .field{flex:1 1 160px;min-width:0}.filters button{margin-top:0}
.inline{display:flex;gap:8px}.inline input{flex:1;min-width:0}
table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:8px;border-bottom:1px solid #eaeef2;vertical-align:top}td.num,th.num{text-align:right;white-space:nowrap}
.status{display:inline-block;padding:1px 8px;border-radius:10px;background:#eaeef2;font-size:13px;color:#1b1f24}
.status-paid,.status-accepted{background:#dafbe1}.status-overdue,.status-declined,.status-void,.status-expired{background:#ffebe9}
.totals,.summary,.facts,.aging{margin:12px 0;display:grid;gap:4px}.totals div,.summary div,.facts div,.aging div{display:flex;justify-content:space-between;gap:12px;flex-wrap:wrap}
.summary,.aging{max-width:420px;margin-left:auto}dt{color:#57606a}dd{margin:0;text-align:right}.strong,.strong dt{font-weight:600;color:#1b1f24}
.facts{max-width:420px}.parties{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px}
.party p{margin:2px 0}.instructions{white-space:pre-line}
.actions,.answer{display:flex;gap:8px;flex-wrap:wrap;align-items:flex-start}.answer form{flex:1 1 200px}
.pay{margin:16px 0;padding:12px;border:1px solid #d0d7de;border-radius:8px}.pay h2{margin-top:0}
.comment{border-top:1px solid #eaeef2;padding:8px 0}.comment p{margin:2px 0}.body{white-space:pre-line}
.switch{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}.switch a{padding:4px 12px;border:1px solid #6e7781;border-radius:16px;color:#1b1f24;text-decoration:none}
.switch a[aria-current]{background:var(--brand);color:#fff;border-color:var(--brand)}
.back{margin:0 0 8px}a{color:#0550ae}.agent{font-size:13px;color:#57606a}#mfa-qr{display:block;background:#fff}
@media (max-width:640px){
table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.cards,table.cards tbody,table.cards tr,table.cards td{display:block;width:100%}
table.cards tr{border:1px solid #d0d7de;border-radius:8px;margin:0 0 8px;padding:4px 8px}
table.cards td{display:flex;justify-content:space-between;gap:12px;border:0;padding:4px 0;text-align:right}
table.cards td::before{content:attr(data-label);font-weight:500;color:#57606a;text-align:left}
table.cards td.num{white-space:normal}
}
@media print{
header,.skip,.back,.filters,.switch,.actions,.answer,.pay,#comments,form,button{display:none!important}
body{background:#fff;font-size:11pt}main{margin:0;max-width:none;padding:0}.card{border:0;padding:0}
a{color:inherit;text-decoration:none}table.cards thead{position:static;width:auto;height:auto;clip:auto}
tr{break-inside:avoid}
}
`;
