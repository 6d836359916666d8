import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CreateKeyForm } from "./create-key-form";
import { KeysList } from "./keys-list";

/** /profile's "API keys" section: call the API from your own code with `Authorization: Bearer`. */
export function ApiKeysCard() {
  return (
    <Card>
      <CardHeader>
        <CardTitle>API keys</CardTitle>
        <CardDescription>
          Call the Atelier API from your own code with{" "}
          <code className="text-xs">Authorization: Bearer &lt;key&gt;</code>. A key can do only what its
          scopes allow, and never anything in the admin console.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <CreateKeyForm />
        <KeysList />
      </CardContent>
    </Card>
  );
}
