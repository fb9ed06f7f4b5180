// PLACEHOLDER — replaced by the issue 4 console work.
export default function MerchantInboxPage() {
  return <div>MerchantInboxPage</div>;
}
