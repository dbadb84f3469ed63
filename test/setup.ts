// Adds toHaveResourceWithProperties and friends to expect() (the import brings their types).
import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';

Testing.setupJest();
